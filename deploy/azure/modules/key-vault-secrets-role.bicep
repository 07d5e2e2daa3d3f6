// Key Vault Secrets User for a managed identity: on the named secrets only, or on the whole
// vault when no names are given. The vault must use the Azure RBAC permission model.
targetScope = 'resourceGroup'

@description('Existing Key Vault in this resource group.')
param keyVaultName string

@description('Secrets the identity may read; empty = every secret in the vault.')
param secretNames array

@description('Object id of the managed identity.')
param principalId string

// Key Vault Secrets User (built-in, the same in every tenant).
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource secrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' existing = [
  for secretName in secretNames: {
    parent: vault
    name: secretName
  }
]

resource perSecret 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (secretName, i) in secretNames: {
    name: guid(vault.id, secretName, principalId, keyVaultSecretsUser)
    scope: secrets[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
      principalId: principalId
      principalType: 'ServicePrincipal'
      description: 'hygge reads this secret.'
    }
  }
]

resource wholeVault 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (empty(secretNames)) {
  name: guid(vault.id, principalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: principalId
    principalType: 'ServicePrincipal'
    description: 'hygge reads the project\'s secrets.'
  }
}
