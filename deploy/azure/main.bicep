// hygge on Azure Functions (Linux, Java 21): the Function App with its host storage account and
// the fan-out queue hygge-runs, a system-assigned managed identity with least-privilege role
// assignments, Application Insights, and the Event Grid system topic and subscription that send
// the landing account's BlobCreated events to the BlobCreated function. See deploy/README.md.
targetScope = 'resourceGroup'

@description('Region of the Function App, its plan, host storage account and Application Insights.')
param location string = resourceGroup().location

@description('Name of the Function App (globally unique; also prefixes the plan and monitoring resources).')
@minLength(2)
@maxLength(60)
param appName string

@description('Hosting plan: FlexConsumption (scale to zero, per-instance memory) or ElasticPremium (pre-warmed instances, no cold start).')
@allowed([
  'FlexConsumption'
  'ElasticPremium'
])
param planKind string = 'FlexConsumption'

@description('Elastic Premium SKU, used when planKind is ElasticPremium.')
@allowed([
  'EP1'
  'EP2'
  'EP3'
])
param elasticPremiumSku string = 'EP1'

@description('Memory of one Flex Consumption instance in MB, used when planKind is FlexConsumption.')
@allowed([
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Name of the new storage account for the Functions host (AzureWebJobsStorage) and the hygge-runs queue.')
@minLength(3)
@maxLength(24)
param hostStorageAccountName string = 'st${uniqueString(resourceGroup().id, appName)}'

@description('Existing storage account where source files land (read only for hygge).')
param landingStorageAccountName string

@description('Resource group of the landing storage account.')
param landingResourceGroup string = resourceGroup().name

@description('Only blobs whose Event Grid subject starts with this raise events, e.g. /blobServices/default/containers/landing/ (empty = all).')
param blobCreatedSubjectBeginsWith string = ''

@description('Only blobs whose Event Grid subject ends with this raise events, e.g. .parquet (empty = all).')
param blobCreatedSubjectEndsWith string = ''

@description('Create the Event Grid subscription to the BlobCreated function. Event Grid checks that the function exists, so deploy once with false, publish the code, then deploy with true.')
param deployEventSubscription bool = false

@description('Existing storage account (ADLS Gen2 or Blob) the lake and hygge\'s state are written to.')
param lakeStorageAccountName string

@description('Resource group of the lake storage account.')
param lakeResourceGroup string = resourceGroup().name

@description('Existing Key Vault (Azure RBAC permission model) holding the secrets the project reads; empty = none.')
param keyVaultName string = ''

@description('Resource group of the Key Vault.')
param keyVaultResourceGroup string = resourceGroup().name

@description('Names of the secrets the project reads; the identity may read only these. Empty = every secret in the vault.')
param keyVaultSecretNames array = []

@description('HYGGE_PROJECT: the hygge project directory inside the deployed package, or an object-storage URL.')
param hyggeProject string = '.'

@description('HYGGE_SCHEDULE: NCRONTAB expression (six fields, seconds first) of the Scheduled function.')
param schedule string = '0 0 * * * *'

@description('HYGGE_SCHEDULE_FLOW: the flow the Scheduled function runs; it fans out one hygge-runs message per entity.')
param scheduleFlow string

@description('Days Application Insights\' Log Analytics workspace keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

var isFlex = planKind == 'FlexConsumption'
var fanOutQueueName = 'hygge-runs'
var poisonQueueName = 'hygge-runs-poison'
var deploymentContainerName = 'app-package'
var javaOptions = '--add-opens=java.base/java.nio=ALL-UNNAMED'

// Built-in role definition ids (the same in every tenant).
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageBlobDataReader = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource hostStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: hostStorageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // Elastic Premium keeps the app's content on an Azure Files share, which takes a key.
    allowSharedKeyAccess: !isFlex
  }
}

resource hostQueues 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: hostStorage
  name: 'default'
}

resource fanOutQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: hostQueues
  name: fanOutQueueName
}

resource poisonQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: hostQueues
  name: poisonQueueName
}

resource hostBlobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: hostStorage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = if (isFlex) {
  parent: hostBlobs
  name: deploymentContainerName
}

resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: '${appName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionInDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${appName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${appName}-plan'
  location: location
  kind: isFlex ? 'functionapp' : 'elastic'
  sku: isFlex
    ? {
        name: 'FC1'
        tier: 'FlexConsumption'
      }
    : {
        name: elasticPremiumSku
        tier: 'ElasticPremium'
      }
  properties: {
    reserved: true
    maximumElasticWorkerCount: isFlex ? null : maximumInstanceCount
  }
}

// The host reaches its storage account with the app's managed identity, not a key.
var commonSettings = [
  {
    name: 'AzureWebJobsStorage__accountName'
    value: hostStorage.name
  }
  {
    name: 'AzureWebJobsStorage__blobServiceUri'
    value: hostStorage.properties.primaryEndpoints.blob
  }
  {
    name: 'AzureWebJobsStorage__queueServiceUri'
    value: hostStorage.properties.primaryEndpoints.queue
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: insights.properties.ConnectionString
  }
  {
    name: 'HYGGE_PROJECT'
    value: hyggeProject
  }
  {
    name: 'HYGGE_FANOUT_QUEUE'
    value: fanOutQueueName
  }
  {
    name: 'HYGGE_SCHEDULE'
    value: schedule
  }
  {
    name: 'HYGGE_SCHEDULE_FLOW'
    value: scheduleFlow
  }
  {
    name: 'languageWorkers__java__arguments'
    value: javaOptions
  }
  {
    name: 'JAVA_OPTS'
    value: javaOptions
  }
]

// Flex Consumption sets runtime and version in functionAppConfig and refuses these settings.
// The content share's connection string is read from the account when deploying, never stored here.
var elasticPremiumSettings = [
  {
    name: 'FUNCTIONS_EXTENSION_VERSION'
    value: '~4'
  }
  {
    name: 'FUNCTIONS_WORKER_RUNTIME'
    value: 'java'
  }
  {
    name: 'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING'
    value: 'DefaultEndpointsProtocol=https;AccountName=${hostStorage.name};EndpointSuffix=${environment().suffixes.storage};AccountKey=${hostStorage.listKeys().keys[0].value}'
  }
  {
    name: 'WEBSITE_CONTENTSHARE'
    value: toLower(appName)
  }
]

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: isFlex
      ? {
          deployment: {
            storage: {
              type: 'blobContainer'
              value: '${hostStorage.properties.primaryEndpoints.blob}${deploymentContainerName}'
              authentication: {
                type: 'SystemAssignedIdentity'
              }
            }
          }
          scaleAndConcurrency: {
            instanceMemoryMB: instanceMemoryMB
            maximumInstanceCount: maximumInstanceCount
          }
          runtime: {
            name: 'java'
            version: '21'
          }
        }
      : null
    siteConfig: {
      linuxFxVersion: isFlex ? null : 'Java|21'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: isFlex ? commonSettings : concat(commonSettings, elasticPremiumSettings)
    }
  }
  dependsOn: [
    deploymentContainer
    fanOutQueue
  ]
}

resource hostBlobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(hostStorage.id, functionApp.id, storageBlobDataOwner)
  scope: hostStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
    description: 'hygge Functions host: leases, keys and the deployment package.'
  }
}

resource hostQueueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(hostStorage.id, functionApp.id, storageQueueDataContributor)
  scope: hostStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
    description: 'hygge: the hygge-runs fan-out queue and its poison queue.'
  }
}

module landingReader 'modules/storage-role.bicep' = {
  name: 'hygge-landing-reader'
  scope: resourceGroup(landingResourceGroup)
  params: {
    storageAccountName: landingStorageAccountName
    roleDefinitionId: storageBlobDataReader
    principalId: functionApp.identity.principalId
    purpose: 'hygge reads landed files.'
  }
}

module lakeContributor 'modules/storage-role.bicep' = {
  name: 'hygge-lake-contributor'
  scope: resourceGroup(lakeResourceGroup)
  params: {
    storageAccountName: lakeStorageAccountName
    roleDefinitionId: storageBlobDataContributor
    principalId: functionApp.identity.principalId
    purpose: 'hygge writes the lake and its state.'
  }
}

module secretsUser 'modules/key-vault-secrets-role.bicep' = if (!empty(keyVaultName)) {
  name: 'hygge-key-vault-secrets-user'
  scope: resourceGroup(keyVaultResourceGroup)
  params: {
    keyVaultName: keyVaultName
    secretNames: keyVaultSecretNames
    principalId: functionApp.identity.principalId
  }
}

module blobCreatedEvents 'modules/blob-created-events.bicep' = {
  name: 'hygge-blob-created-events'
  scope: resourceGroup(landingResourceGroup)
  params: {
    storageAccountName: landingStorageAccountName
    functionAppId: functionApp.id
    subjectBeginsWith: blobCreatedSubjectBeginsWith
    subjectEndsWith: blobCreatedSubjectEndsWith
    deploySubscription: deployEventSubscription
  }
}

@description('Name of the Function App.')
output functionAppName string = functionApp.name

@description('Host name of the Function App (manual runs: POST https://<host>/api/<route of ManualRun>).')
output functionAppHostName string = functionApp.properties.defaultHostName

@description('Object id of the app\'s managed identity.')
output principalId string = functionApp.identity.principalId

@description('Storage account of the Functions host and the hygge-runs queue.')
output hostStorageAccountName string = hostStorage.name

@description('The Event Grid system topic on the landing account.')
output systemTopicName string = blobCreatedEvents.outputs.systemTopicName
