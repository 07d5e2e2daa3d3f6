// One data-plane role on an existing storage account, for a managed identity.
targetScope = 'resourceGroup'

@description('Existing storage account in this resource group.')
param storageAccountName string

@description('Built-in role definition id (a GUID).')
param roleDefinitionId string

@description('Object id of the managed identity.')
param principalId string

@description('Why the identity holds the role.')
param purpose string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource assignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, principalId, roleDefinitionId)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionId)
    principalId: principalId
    principalType: 'ServicePrincipal'
    description: purpose
  }
}
