// PerijinanBot on Azure: one resource group holds everything the bot needs, reached with one user-assigned managed
// identity (no client secret to expire, no storage key). Deployed by `arm/deploy` in ../m365agents.yml (provision), or
// by hand: az deployment group create -g <group> -f infra/main.bicep -p infra/main.parameters.json (fill the ${{...}}).
// Outputs named in capitals are written by the Agents Toolkit into env/.env.<environment> (BOT_ID, BOT_DOMAIN, ...).
targetScope = 'resourceGroup'

@description('Base of the resource names; letters, digits and dashes. The web app is <base>-<hash> (its host name is public).')
@minLength(3)
@maxLength(30)
param resourceBaseName string

@description('Azure region of everything but the bot registration (global).')
param location string = resourceGroup().location

@description('The Teams app id (TEAMS_APP_ID of the app package).')
param teamsAppId string = ''

@description('Proactive installation (Graph:TeamsAppId = teamsAppId): only after the identity holds its Graph permissions (README), else every attempt fails and waits in the outbox.')
param proactiveInstall bool = false

@description('Files:SigningKey: base64 of at least 32 random bytes (openssl rand -base64 32). Kept in Key Vault; the same on every instance.')
@secure()
@minLength(44)
param filesSigningKey string

@description('App Service plan size; P0v3 or larger keeps Always On and several instances.')
param appServiceSku string = 'P0v3'

@description('Instances of the web app; two or more, so a restart or a platform update never stops the bot.')
@minValue(2)
@maxValue(10)
param instanceCount int = 2

@description('Azure Bot pricing tier: F0 (free, standard channels such as Teams) or S1.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Storage redundancy: Standard_ZRS keeps the kegiatan history through the loss of one zone where the region has zones.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param storageSku string = 'Standard_ZRS'

@description('Calendar:Blob, <container>/<blob name> of the shared work calendar in the bot\'s storage account. Empty: the embedded calendar.')
param calendarBlob string = ''

var hash = uniqueString(resourceGroup().id, resourceBaseName)
var webAppName = '${resourceBaseName}-${take(hash, 6)}'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${resourceBaseName}'
  location: location
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: resourceBaseName
    location: location
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: take('st${replace(toLower(resourceBaseName), '-', '')}${hash}', 24)
    location: location
    sku: storageSku
    principalId: identity.properties.principalId
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: take('kv-${hash}', 24)
    location: location
    principalId: identity.properties.principalId
    filesSigningKey: filesSigningKey
  }
}

module app 'modules/appservice.bicep' = {
  name: 'appservice'
  params: {
    name: webAppName
    location: location
    sku: appServiceSku
    instanceCount: instanceCount
    identityId: identity.id
    // Configuration keys of the bot (README, Configuration). App Service on Linux takes no ':' in a setting name: '__' stands for it.
    appSettings: {
      ASPNETCORE_ENVIRONMENT: 'Production'
      MicrosoftAppType: 'UserAssignedMSI'
      MicrosoftAppId: identity.properties.clientId
      MicrosoftAppTenantId: tenant().tenantId
      // Azure.Identity's documented variable for a user-assigned identity: the storage clients use it.
      AZURE_CLIENT_ID: identity.properties.clientId
      Storage__TableServiceUri: storage.outputs.tableEndpoint
      Storage__BlobServiceUri: storage.outputs.blobEndpoint
      Files__PublicBaseUrl: 'https://${webAppName}.azurewebsites.net'
      Files__SigningKey: '@Microsoft.KeyVault(SecretUri=${vault.outputs.signingKeyUri})'
      Calendar__Blob: calendarBlob
      Graph__TeamsAppId: proactiveInstall ? teamsAppId : ''
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
    }
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: 'bot-${resourceBaseName}-${take(hash, 6)}'
    displayName: 'PerijinanBot'
    sku: botSku
    endpoint: 'https://${app.outputs.hostName}/api/messages'
    identityClientId: identity.properties.clientId
    identityId: identity.id
  }
}

// Read by the Agents Toolkit into env/.env.<environment>; the app package and zip deploy use them.
output BOT_ID string = identity.properties.clientId
output BOT_DOMAIN string = app.outputs.hostName
output BOT_ENDPOINT string = 'https://${app.outputs.hostName}'
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = app.outputs.resourceId
output AZURE_CLIENT_ID string = identity.properties.clientId
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output KEY_VAULT_NAME string = vault.outputs.name
