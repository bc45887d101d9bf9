// What Scalewise may do in one target resource group, deployed with that resource group as its scope so that no
// grant reaches beyond it: read metrics everywhere it scales; change VMs and scale sets (and snapshot their
// disks) where it scales compute; change Redis caches where it scales Redis; change Azure Managed Redis clusters'
// SKU where it scales those.

@description('Principal id of the app\'s user-assigned managed identity.')
param principalId string

@description('Grant the compute role (scale sets, VMs, snapshots) in this resource group.')
param grantCompute bool

@description('Grant Redis Cache Contributor in this resource group.')
param grantRedis bool

@description('Grant the Managed Redis role (read, list SKUs for scaling, change the SKU of Microsoft.Cache/redisEnterprise clusters) in this resource group.')
param grantManagedRedis bool = false

@description('ScalewiseComputeScaler: a custom role with only the actions Scalewise uses. VirtualMachineContributor: the built-in role.')
@allowed([
  'ScalewiseComputeScaler'
  'VirtualMachineContributor'
])
param computeRole string

var monitoringReader = '43d0d8ad-25c7-4714-9337-8ba259a9fe05'
var virtualMachineContributor = '9980e02c-c2be-4d73-94e8-173b1dc7cf3c'
var redisCacheContributor = 'e0f68234-74aa-48ed-b826-c38b57376e17'

var useCustomComputeRole = grantCompute && computeRole == 'ScalewiseComputeScaler'
var computeScalerRoleName = guid(resourceGroup().id, principalId, 'ScalewiseComputeScaler')

// A role definition's id is subscription-level wherever it is deployed from.
var computeScalerRoleId = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', computeScalerRoleName)

// The actions behind Scalewise's compute adapters: read and PATCH scale sets (capacity) and VMs (size, with the
// deallocate/start a resize may need), snapshot managed disks before a change, poll long-running operations.
// The network join actions let ARM's linked-access check pass when a PATCH echoes NIC/subnet/load balancer
// references that live in this resource group.
resource computeScalerRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = if (useCustomComputeRole) {
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
          'Microsoft.Resources/subscriptions/resourceGroups/read'
          'Microsoft.Compute/locations/operations/read'
          'Microsoft.Compute/locations/vmSizes/read'
          'Microsoft.Compute/virtualMachineScaleSets/read'
          'Microsoft.Compute/virtualMachineScaleSets/write'
          'Microsoft.Compute/virtualMachineScaleSets/instanceView/read'
          'Microsoft.Compute/virtualMachineScaleSets/skus/read'
          'Microsoft.Compute/virtualMachineScaleSets/virtualMachines/read'
          'Microsoft.Compute/virtualMachines/read'
          'Microsoft.Compute/virtualMachines/write'
          'Microsoft.Compute/virtualMachines/instanceView/read'
          'Microsoft.Compute/virtualMachines/vmSizes/read'
          'Microsoft.Compute/virtualMachines/start/action'
          'Microsoft.Compute/virtualMachines/deallocate/action'
          'Microsoft.Compute/disks/read'
          'Microsoft.Compute/snapshots/read'
          'Microsoft.Compute/snapshots/write'
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

var managedRedisScalerRoleName = guid(resourceGroup().id, principalId, 'ScalewiseManagedRedisScaler')
var managedRedisScalerRoleId = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', managedRedisScalerRoleName)

// Redis Cache Contributor covers Microsoft.Cache/redis/* only, not redisEnterprise, and no built-in role is limited to
// what Scalewise's Managed Redis adapter does: GET the cluster, POST listSkusForScaling, PATCH its SKU, poll the
// long-running operation.
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
          'Microsoft.Resources/subscriptions/resourceGroups/read'
          'Microsoft.Cache/redisEnterprise/read'
          'Microsoft.Cache/redisEnterprise/write'
          'Microsoft.Cache/redisEnterprise/listSkusForScaling/action'
          'Microsoft.Cache/locations/asyncOperations/read'
          'Microsoft.Cache/locations/operationsStatus/read'
          'Microsoft.Cache/locations/operationResults/read'
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

resource computeScalerAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (useCustomComputeRole) {
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

resource virtualMachineContributorAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (grantCompute && !useCustomComputeRole) {
  name: guid(resourceGroup().id, principalId, virtualMachineContributor)
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', virtualMachineContributor)
  }
}

resource redisCacheContributorAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (grantRedis) {
  name: guid(resourceGroup().id, principalId, redisCacheContributor)
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', redisCacheContributor)
  }
}
