package dev.hygge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * What can be checked of the Azure Bicep without the Bicep compiler (not to be had here):
 * parameters and variables wired, modules called with exactly their parameters, the example
 * parameter file, the adapter contract's app settings, queue and function names, and the
 * least-privilege role assignments.
 */
class BicepTest {
  private static final String MAIN = "azure/main.bicep";

  // Built-in role definition ids, the same in every tenant.
  private static final Map<String, String> ROLES =
      Map.of(
          "storageBlobDataOwner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
          "storageQueueDataContributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
          "storageBlobDataReader", "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
          "storageBlobDataContributor", "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
          "keyVaultSecretsUser", "4633458b-17de-408a-b874-0445c86b69e6");
  private static final List<String> BROAD_ROLES =
      List.of(
          "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", // Owner
          "b24988ac-6180-42a0-ab88-20f7382dd24c", // Contributor
          "17d1049b-9a84-46fb-8f53-869881c3d3ab"); // Storage Account Contributor

  private final BicepFile main = BicepFile.read(MAIN);

  @Test
  void everyParameterAndVariableOfEveryFileIsUsed() {
    for (BicepFile file : files()) {
      assertThat(file.parameters()).as(file.relativePath()).isNotEmpty();
      for (String parameter : file.parameters().keySet()) {
        assertThat(file.uses(parameter))
            .as("param %s used in %s", parameter, file.relativePath())
            .isTrue();
      }
      for (String variable : file.variables()) {
        assertThat(file.uses(variable))
            .as("var %s used in %s", variable, file.relativePath())
            .isTrue();
      }
    }
  }

  @Test
  void usageCheckSeesThroughStringsCommentsAndKeys() {
    BicepFile probe =
        new BicepFile(
            "probe.bicep",
            String.join(
                "\n",
                "param used string",
                "param onlyInText string",
                "param onlyAsKey string",
                "// onlyInText in a comment",
                "@description('onlyInText in a decorator')",
                "var v = {",
                "  onlyAsKey: 'onlyInText ${used}'",
                "}",
                "output o object = v"));
    assertThat(probe.uses("used")).isTrue();
    assertThat(probe.uses("v")).isTrue();
    assertThat(probe.uses("onlyInText")).isFalse();
    assertThat(probe.uses("onlyAsKey")).isFalse();
  }

  @Test
  void everyModuleIsCalledWithExactlyItsParameters() {
    assertThat(main.modules()).isNotEmpty();
    main.modules()
        .forEach(
            (module, path) -> {
              BicepFile called = BicepFile.read("azure/" + path);
              assertThat(main.parametersPassedTo(module))
                  .as("params passed to module %s (%s)", module, path)
                  .containsExactlyInAnyOrderElementsOf(called.parameters().keySet());
            });
  }

  @Test
  void exampleParametersAreDeclaredAndSetEveryRequiredOne() {
    Map<?, ?> example =
        (Map<?, ?>)
            new Load(LoadSettings.builder().build())
                .loadFromString(DeployDirectory.read("azure/main.parameters.example.json"));
    Map<?, ?> given = (Map<?, ?>) example.get("parameters");
    assertThat(main.parameters().keySet()).containsAll(strings(given.keySet()));
    main.parameters()
        .forEach(
            (name, hasDefault) -> {
              if (!hasDefault) {
                assertThat(strings(given.keySet())).as("required parameter").contains(name);
              }
            });
  }

  @Test
  void appSettingsAreTheContracts() {
    for (String setting : AdapterContract.AZURE_APP_SETTINGS) {
      assertThat(main.text()).contains("name: '" + setting + "'");
    }
    assertThat(main.text())
        .contains("name: '" + AdapterContract.AZURE_HOST_CONNECTION + "__accountName'")
        .contains("name: '" + AdapterContract.AZURE_HOST_CONNECTION + "__queueServiceUri'")
        .contains("var javaOptions = '" + AdapterContract.JAVA_OPENS + "'")
        .contains("var fanOutQueueName = '" + AdapterContract.AZURE_QUEUE + "'")
        .contains("var poisonQueueName = '" + AdapterContract.AZURE_POISON_QUEUE + "'")
        .contains("param schedule string = '" + AdapterContract.AZURE_DEFAULT_SCHEDULE + "'")
        .contains("param scheduleFlow string\n");
    assertThat(main.parameters()).containsEntry("scheduleFlow", false);
  }

  @Test
  void fanOutQueueAndItsPoisonQueueLiveInTheHostStorageAccount() {
    assertThat(main.text())
        .contains(
            "resource fanOutQueue"
                + " 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {\n"
                + "  parent: hostQueues\n"
                + "  name: fanOutQueueName")
        .contains(
            "resource poisonQueue"
                + " 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {\n"
                + "  parent: hostQueues\n"
                + "  name: poisonQueueName")
        .contains("name: 'HYGGE_FANOUT_QUEUE'\n    value: fanOutQueueName");
  }

  @Test
  void functionAppRunsJava21OnLinuxWithEitherPlan() {
    assertThat(main.text())
        .contains("kind: 'functionapp,linux'")
        .contains("'FlexConsumption'\n  'ElasticPremium'")
        .contains("name: 'java'\n            version: '21'")
        .contains("linuxFxVersion: isFlex ? null : 'Java|21'")
        .contains("type: 'SystemAssigned'");
  }

  @Test
  void blobCreatedEventsGoToTheBlobCreatedFunction() {
    String events = DeployDirectory.read("azure/modules/blob-created-events.bicep");
    assertThat(events)
        .contains(
            "resourceId: '${functionAppId}/functions/"
                + AdapterContract.AZURE_BLOB_CREATED_FUNCTION
                + "'")
        .contains("endpointType: 'AzureFunction'")
        .contains("'" + AdapterContract.AZURE_BLOB_CREATED_EVENT + "'")
        .contains("topicType: 'Microsoft.Storage.StorageAccounts'")
        .contains("subjectBeginsWith: empty(subjectBeginsWith) ? null : subjectBeginsWith");
    assertThat(main.text()).contains("functionAppId: functionApp.id");
  }

  @Test
  void roleDefinitionsAreTheNamedBuiltInRolesAndNothingBroader() {
    StringBuilder all = new StringBuilder();
    for (BicepFile file : files()) {
      all.append(file.text());
    }
    ROLES.forEach((name, id) -> assertThat(all).contains("var " + name + " = '" + id + "'"));
    for (String broad : BROAD_ROLES) {
      assertThat(all.toString()).doesNotContain(broad);
    }
  }

  @Test
  void theAppsIdentityGetsEachRoleOnItsOwnScope() {
    assertThat(main.text())
        .contains(
            "scope: hostStorage\n  properties: {\n    roleDefinitionId:"
                + " subscriptionResourceId('Microsoft.Authorization/roleDefinitions',"
                + " storageBlobDataOwner)")
        .contains(
            "scope: hostStorage\n  properties: {\n    roleDefinitionId:"
                + " subscriptionResourceId('Microsoft.Authorization/roleDefinitions',"
                + " storageQueueDataContributor)")
        .contains(
            "storageAccountName: landingStorageAccountName\n"
                + "    roleDefinitionId: storageBlobDataReader")
        .contains(
            "storageAccountName: lakeStorageAccountName\n"
                + "    roleDefinitionId: storageBlobDataContributor")
        .contains("keyVaultName: keyVaultName\n    secretNames: keyVaultSecretNames");
    long assignments =
        main.text()
            .lines()
            .filter(l -> l.contains("principalId: functionApp.identity.principalId"))
            .count();
    assertThat(assignments).isEqualTo(5);
    String vault = DeployDirectory.read("azure/modules/key-vault-secrets-role.bicep");
    assertThat(vault)
        .contains("scope: secrets[i]")
        .contains(
            "= if (empty(secretNames)) {\n  name: guid(vault.id, principalId, keyVaultSecretsUser)\n  scope: vault");
  }

  private static List<BicepFile> files() {
    List<BicepFile> files = new ArrayList<>();
    for (Path file : DeployDirectory.files("azure", ".bicep")) {
      files.add(
          new BicepFile(
              DeployDirectory.root().relativize(file).toString(), DeployDirectory.readFile(file)));
    }
    return files;
  }

  private static List<String> strings(Collection<?> values) {
    return values.stream().map(Object::toString).toList();
  }
}
