// What Scalewise may do in one resource group, deployed with that resource group as its scope so that no grant
// reaches beyond it: read metrics in every resource group a policy reads metrics from; change scale sets and VMs (and
// snapshot their disks) where it scales compute; change Azure Cache for Redis where it scales Redis; change Azure
// Managed Redis clusters' SKU where it scales those. Each custom role holds exactly the actions docs/azure-operations.md
// lists for its adapter (Infrastructure tests compare them).

@description('Principal id of the app\'s user-assigned managed identity.')
param principalId string

@description('Grant the compute role (scale sets, VMs, snapshots) in this resource group.')
param grantCompute bool

@description('Grant the Redis cache role (read, scale, export Microsoft.Cache/redis) in this resource group.')
param grantRedis bool

@description('Grant the Managed Redis role (read, list SKUs for scaling, change the SKU of Microsoft.Cache/redisEnterprise clusters) in this resource group.')
param grantManagedRedis bool = false

var monitoringReader = '43d0d8ad-25c7-4714-9337-8ba259a9fe05'

var computeScalerRoleName = guid(resourceGroup().id, principalId, 'ScalewiseComputeScaler')

// A role definition's id is subscription-level wherever it is deployed from.
var computeScalerRoleId = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', computeScalerRoleName)

// The actions behind Scalewise's compute adapters: read and PATCH scale sets (capacity) and list their VMs (a Flexible
// scale set's VMs are read as VMs), read and PATCH VMs (size) with the deallocate/start a resize may need, snapshot
// managed disks before a change and delete expired snapshots. No run-command, no VM or scale-set delete. The network
// join actions let ARM's linked-access check pass when a PATCH echoes NIC/subnet/load balancer references that live in
// this resource group.
resource computeScalerRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = if (grantCompute) {
  name: computeScalerRoleName
  properties: {
    roleName: 'Scalewise compute scaler ${uniqueString(resourceGroup().id, principalId)}'
    description: 'Scale VM scale sets, resize VMs and snapshot their disks in ${resourceGroup().name} (Scalewise).'
    type: 'CustomRole'
    assignableScopes: [
      resourceGroup().id
    ]
    permissions: [
      {
        actions: [
          'Microsoft.Compute/virtualMachineScaleSets/read'
          'Microsoft.Compute/virtualMachineScaleSets/write'
          'Microsoft.Compute/virtualMachineScaleSets/virtualMachines/read'
          'Microsoft.Compute/virtualMachineScaleSets/virtualMachines/instanceView/read'
          'Microsoft.Compute/virtualMachines/read'
          'Microsoft.Compute/virtualMachines/write'
          'Microsoft.Compute/virtualMachines/instanceView/read'
          'Microsoft.Compute/virtualMachines/vmSizes/read'
          'Microsoft.Compute/virtualMachines/start/action'
          'Microsoft.Compute/virtualMachines/deallocate/action'
          'Microsoft.Compute/disks/read'
          'Microsoft.Compute/snapshots/read'
          'Microsoft.Compute/snapshots/write'
          'Microsoft.Compute/snapshots/delete'
          'Microsoft.Network/networkInterfaces/join/action'
          'Microsoft.Network/virtualNetworks/subnets/join/action'
          'Microsoft.Network/loadBalancers/backendAddressPools/join/action'
          'Microsoft.Network/loadBalancers/inboundNatPools/join/action'
          'Microsoft.Network/applicationGateways/backendAddressPools/join/action'
          'Microsoft.Network/networkSecurityGroups/join/action'
        ]
        notActions: []
      }
    ]
  }
}

var redisCacheScalerRoleName = guid(resourceGroup().id, principalId, 'ScalewiseRedisCacheScaler')
var redisCacheScalerRoleId = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', redisCacheScalerRoleName)

// Redis Cache Contributor also allows listKeys, regenerateKey, flush, import and delete. Scalewise's Redis adapter only
// GETs the cache, PATCHes its SKU or shard count, POSTs an export and follows the export's status URL.
resource redisCacheScalerRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = if (grantRedis) {
  name: redisCacheScalerRoleName
  properties: {
    roleName: 'Scalewise Redis cache scaler ${uniqueString(resourceGroup().id, principalId)}'
    description: 'Scale and export Azure Cache for Redis instances in ${resourceGroup().name} (Scalewise).'
    type: 'CustomRole'
    assignableScopes: [
      resourceGroup().id
    ]
    permissions: [
      {
        actions: [
          'Microsoft.Cache/redis/read'
          'Microsoft.Cache/redis/write'
          'Microsoft.Cache/redis/export/action'
          'Microsoft.Cache/locations/asyncOperations/read'
          'Microsoft.Cache/locations/operationResults/read'
        ]
        notActions: []
      }
    ]
  }
}

resource redisCacheScalerAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (grantRedis) {
  name: guid(resourceGroup().id, principalId, redisCacheScalerRoleId)
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: redisCacheScalerRoleId
  }
  dependsOn: [
    redisCacheScalerRole
  ]
}

var managedRedisScalerRoleName = guid(resourceGroup().id, principalId, 'ScalewiseManagedRedisScaler')
var managedRedisScalerRoleId = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', managedRedisScalerRoleName)

// Redis Cache Contributor covers Microsoft.Cache/redis/* only, not redisEnterprise, and no built-in role is limited to
// what Scalewise's Managed Redis adapter does: GET the cluster, POST listSkusForScaling, PATCH its SKU (then it polls the
// cluster's GET, not the operation URL).
resource managedRedisScalerRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = if (grantManagedRedis) {
  name: managedRedisScalerRoleName
  properties: {
    roleName: 'Scalewise managed Redis scaler ${uniqueString(resourceGroup().id, principalId)}'
    description: 'Change the SKU of Azure Managed Redis clusters in ${resourceGroup().name} (Scalewise).'
    type: 'CustomRole'
    assignableScopes: [
      resourceGroup().id
    ]
    permissions: [
      {
        actions: [
          'Microsoft.Cache/redisEnterprise/read'
          'Microsoft.Cache/redisEnterprise/write'
          'Microsoft.Cache/redisEnterprise/listSkusForScaling/action'
        ]
        notActions: []
      }
    ]
  }
}

resource managedRedisScalerAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (grantManagedRedis) {
  name: guid(resourceGroup().id, principalId, managedRedisScalerRoleId)
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: managedRedisScalerRoleId
  }
  dependsOn: [
    managedRedisScalerRole
  ]
}

resource monitoringReaderAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, principalId, monitoringReader)
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringReader)
  }
}

resource computeScalerAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (grantCompute) {
  name: guid(resourceGroup().id, principalId, computeScalerRoleId)
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: computeScalerRoleId
  }
  dependsOn: [
    computeScalerRole
  ]
}
