// Scalewise on Azure: a Flex Consumption Function App that runs as a user-assigned managed identity, with the
// storage, monitoring and (optionally) Key Vault and Event Grid it needs, and the least access to the resource
// groups it scales. Deploy to a resource group: `azd up`, or `az deployment group create` (docs/deploy.md).
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(64)
@description('Environment name (azd); seeds the unique suffix of every resource name.')
param environmentName string

@description('Region for every resource; Flex Consumption must be available there.')
param location string = resourceGroup().location

@description('Resource groups (this subscription) holding VM scale sets and VMs that Scalewise scales.')
param vmTargetResourceGroups array = []

@description('Resource groups (this subscription) holding Azure Cache for Redis instances that Scalewise scales.')
param redisTargetResourceGroups array = []

@description('Resource groups (this subscription) holding Azure Managed Redis (Microsoft.Cache/redisEnterprise) clusters that Scalewise scales.')
param managedRedisTargetResourceGroups array = []

@description('Resource groups (this subscription) a policy reads metrics from outside the target resource groups (an Application Gateway, a Service Bus namespace, ...): Monitoring Reader is granted there.')
param metricResourceGroups array = []

@description('Deploy a Key Vault (RBAC mode) and keep the notification webhook URL there as a Key Vault reference.')
param enableKeyVault bool = true

@description('Deploy an Event Grid topic that Scalewise publishes procedure outcomes to.')
param enableEventGridTopic bool = false

@description('Schema of the Event Grid topic, when deployed.')
@allowed([
  'CloudEventSchemaV1_0'
  'EventGridSchema'
])
param eventGridInputSchema string = 'CloudEventSchemaV1_0'

@secure()
@description('Webhook URL Scalewise posts notifications to (it usually embeds a credential); empty for none.')
param notificationWebhookUrl string = ''

@minLength(3)
@maxLength(45)
@description('Durable Task hub name: letters and digits, starting with a letter. Its tables are <name>Instances and <name>History.')
param durableTaskHubName string = 'Scalewise'

@description('NCRONTAB (with seconds) for the policy evaluation timer.')
param evaluatePoliciesSchedule string = '0 */1 * * * *'

@description('How often a procedure polls a target while it provisions (hh:mm:ss).')
param provisioningPollInterval string = '00:00:15'

@description('How long a procedure waits for provisioning before it rolls back (hh:mm:ss).')
param provisioningTimeout string = '00:30:00'

@allowed([
  512
  2048
  4096
])
@description('Memory of each Flex Consumption instance.')
param instanceMemoryMB int = 2048

@minValue(1)
@maxValue(1000)
@description('Upper bound on Flex Consumption instances.')
param maximumInstanceCount int = 40

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'scalewise'
}
var functionAppName = '${abbrs.webSitesFunctions}scalewise-${resourceToken}'
var deploymentContainerName = 'app-package-${take(resourceToken, 7)}'
var webhookSecretName = 'notifications-webhook-url'
var targetResourceGroups = union(vmTargetResourceGroups, redisTargetResourceGroups, managedRedisTargetResourceGroups, metricResourceGroups)

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${abbrs.managedIdentityUserAssignedIdentities}scalewise-${resourceToken}'
  location: location
  tags: tags
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    principalId: identity.properties.principalId
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}scalewise-${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}scalewise-${resourceToken}'
    location: location
    tags: tags
    principalId: identity.properties.principalId
  }
}

module keyVault 'app/key-vault.bicep' = if (enableKeyVault) {
  name: 'key-vault'
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
    principalId: identity.properties.principalId
    notificationWebhookUrl: notificationWebhookUrl
    webhookSecretName: webhookSecretName
  }
}

module eventGrid 'app/event-grid.bicep' = if (enableEventGridTopic) {
  name: 'event-grid'
  params: {
    name: '${abbrs.eventGridDomainsTopics}scalewise-${resourceToken}'
    location: location
    tags: tags
    inputSchema: eventGridInputSchema
    principalId: identity.properties.principalId
  }
}

// With Key Vault the app setting is a reference the platform resolves with the identity; without it the URL is
// stored as a (hidden) app setting.
var notificationWebhookSetting = empty(notificationWebhookUrl)
  ? ''
  : enableKeyVault ? '@Microsoft.KeyVault(SecretUri=${keyVault!.outputs.webhookSecretUri})' : notificationWebhookUrl

module functionApp 'app/function-app.bicep' = {
  name: 'function-app'
  params: {
    planName: '${abbrs.webServerFarms}scalewise-${resourceToken}'
    name: functionAppName
    location: location
    tags: tags
    identityId: identity.id
    identityClientId: identity.properties.clientId
    keyVaultReferenceIdentityId: identity.id
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    durableTaskHubName: durableTaskHubName
    evaluatePoliciesSchedule: evaluatePoliciesSchedule
    provisioningPollInterval: provisioningPollInterval
    provisioningTimeout: provisioningTimeout
    eventGridTopicEndpoint: enableEventGridTopic ? eventGrid!.outputs.endpoint : ''
    notificationWebhookSetting: notificationWebhookSetting
  }
}

// One deployment per target resource group, scoped to it: every grant stops at that resource group.
module targetAccess 'app/target-access.bicep' = [
  for targetResourceGroup in targetResourceGroups: {
    name: take('scalewise-access-${targetResourceGroup}', 64)
    scope: resourceGroup(targetResourceGroup)
    params: {
      principalId: identity.properties.principalId
      grantCompute: contains(vmTargetResourceGroups, targetResourceGroup)
      grantRedis: contains(redisTargetResourceGroups, targetResourceGroup)
      grantManagedRedis: contains(managedRedisTargetResourceGroups, targetResourceGroup)
    }
  }
]

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output AZURE_LOG_ANALYTICS_NAME string = monitoring.outputs.logAnalyticsName
output AZURE_KEY_VAULT_NAME string = enableKeyVault ? keyVault!.outputs.name : ''
output AZURE_EVENT_GRID_TOPIC_ENDPOINT string = enableEventGridTopic ? eventGrid!.outputs.endpoint : ''
output SCALEWISE_IDENTITY_CLIENT_ID string = identity.properties.clientId
output SCALEWISE_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
output DURABLE_TASK_HUB_NAME string = durableTaskHubName
