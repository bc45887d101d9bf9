// The Scalewise Function App on Flex Consumption (FC1), .NET isolated worker. It runs as the user-assigned
// identity: storage, Application Insights, Key Vault, Event Grid and ARM are all reached with Entra ID tokens,
// so no app setting carries a key.

param planName string
param name string
param location string
param tags object

@description('Resource id of the user-assigned managed identity the app runs as.')
param identityId string

@description('Client id of that identity (token requests name it explicitly).')
param identityClientId string

param storageBlobEndpoint string
param storageQueueEndpoint string
param storageTableEndpoint string
param deploymentContainerName string

param applicationInsightsConnectionString string

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

param durableTaskHubName string
param evaluatePoliciesSchedule string
param applySchedulesSchedule string = '0 */1 * * * *'
param forecastDemandSchedule string = '0 5 * * * *'
param checkEmergenciesSchedule string = '*/15 * * * * *'
param provisioningPollInterval string
param provisioningTimeout string

@description('Event Grid topic endpoint for notifications; empty when no topic is deployed.')
param eventGridTopicEndpoint string

@secure()
@description('Value of Scalewise__Notifications__WebhookUrl: a Key Vault reference or the URL itself; empty for none.')
param notificationWebhookSetting string

@description('Resource id of the identity that resolves Key Vault references.')
param keyVaultReferenceIdentityId string

// Settings every deployment has. The Durable Task hub, the Functions host and Scalewise's tables use the same
// account through the identity: the AzureWebJobsStorage__* form is the identity-based connection.
var baseSettings = {
  AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
  AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
  AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  AZURE_CLIENT_ID: identityClientId
  DurableTaskHubName: durableTaskHubName
  EvaluatePoliciesSchedule: evaluatePoliciesSchedule
  ApplySchedulesSchedule: applySchedulesSchedule
  ForecastDemandSchedule: forecastDemandSchedule
  CheckEmergenciesSchedule: checkEmergenciesSchedule
  Scalewise__Tables__ServiceUri: storageTableEndpoint
  Scalewise__Arm__Endpoint: environment().resourceManager
  Scalewise__Arm__Audience: environment().resourceManager
  Scalewise__Arm__ManagedIdentityClientId: identityClientId
  Scalewise__Metrics__UseBatch: 'true'
  Scalewise__Procedures__ProvisioningPollInterval: provisioningPollInterval
  Scalewise__Procedures__ProvisioningTimeout: provisioningTimeout
}

var eventGridSettings = empty(eventGridTopicEndpoint)
  ? {}
  : {
      Scalewise__Notifications__EventGridTopicEndpoint: eventGridTopicEndpoint
    }

var webhookSettings = empty(notificationWebhookSetting)
  ? {}
  : {
      Scalewise__Notifications__WebhookUrl: notificationWebhookSetting
    }

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: keyVaultReferenceIdentityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource appSettings 'config' = {
    name: 'appsettings'
    properties: union(baseSettings, eventGridSettings, webhookSettings)
  }

  // Basic (publishing credential) authentication off: deployments go through Entra ID (azd, az CLI).
  resource scmBasicAuth 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }

  resource ftpBasicAuth 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }
}

output name string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
