// Optional Key Vault (RBAC authorization) for Scalewise's secrets: the notification webhook URL carries its own
// credential, so it is kept here and the app setting is a Key Vault reference resolved with the app's identity.

param name string
param location string
param tags object

@description('Principal id of the app\'s user-assigned managed identity.')
param principalId string

@secure()
@description('Notification webhook URL to store as a secret; empty stores nothing.')
param notificationWebhookUrl string

@description('Name of the secret that holds the webhook URL.')
param webhookSecretName string

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }

  resource webhookSecret 'secrets' = if (!empty(notificationWebhookUrl)) {
    name: webhookSecretName
    properties: {
      value: notificationWebhookUrl
      contentType: 'text/uri-list'
    }
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

output name string = vault.name
output vaultUri string = vault.properties.vaultUri
@description('Versionless URI of the webhook secret, for a Key Vault reference that follows rotation.')
output webhookSecretUri string = '${vault.properties.vaultUri}secrets/${webhookSecretName}'
