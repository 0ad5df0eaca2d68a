// Log Analytics and workspace-based Application Insights: the bot's telemetry goes to APPLICATIONINSIGHTS_CONNECTION_STRING.
param name string
param location string

@description('Days the logs are kept.')
param retentionInDays int = 90

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${name}'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${name}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    // Telemetry only with the connection string (Entra-authenticated ingestion would need another role; not used here).
    DisableLocalAuth: false
  }
}

output connectionString string = insights.properties.ConnectionString
