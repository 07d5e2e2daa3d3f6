// The Event Grid system topic of the landing storage account and its subscription that sends
// Microsoft.Storage.BlobCreated events to the BlobCreated function, one event per call.
targetScope = 'resourceGroup'

@description('Existing landing storage account in this resource group (it may have no other system topic).')
param storageAccountName string

@description('Resource id of the Function App that hosts BlobCreated.')
param functionAppId string

@description('Subject prefix filter, e.g. /blobServices/default/containers/landing/ (empty = none).')
param subjectBeginsWith string

@description('Subject suffix filter, e.g. .parquet (empty = none).')
param subjectEndsWith string

@description('Create the subscription (the BlobCreated function must be deployed first).')
param deploySubscription bool

resource landing 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: '${storageAccountName}-hygge'
  location: landing.location
  properties: {
    source: landing.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource blobCreated 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = if (deploySubscription) {
  parent: systemTopic
  name: 'hygge-blob-created'
  properties: {
    destination: {
      endpointType: 'AzureFunction'
      properties: {
        resourceId: '${functionAppId}/functions/BlobCreated'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: empty(subjectBeginsWith) ? null : subjectBeginsWith
      subjectEndsWith: empty(subjectEndsWith) ? null : subjectEndsWith
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

@description('Name of the system topic.')
output systemTopicName string = systemTopic.name
