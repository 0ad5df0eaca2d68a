// Key Vault with Azure RBAC: holds Files:SigningKey, which App Service reads through a Key Vault reference with the bot's
// identity (Key Vault Secrets User on this vault only). Rotating the key is a new secret version (README, Signing keys).
param name string
param location string

@description('Object id of the bot\'s managed identity.')
param principalId string

@secure()
param filesSigningKey string

// Built-in role definition id: Key Vault Secrets User (read secret values).
var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

// A secret name takes no ':'; the app setting Files__SigningKey points here.
resource signingKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'Files--SigningKey'
  properties: {
    value: filesSigningKey
    contentType: 'base64, 32 or more random bytes'
  }
}

resource secretsUserRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, principalId, secretsUser)
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
  }
}

output name string = vault.name
// Without a version: App Service picks up a new secret version by itself.
output signingKeyUri string = signingKey.properties.secretUri
