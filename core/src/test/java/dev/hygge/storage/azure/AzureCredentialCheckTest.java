package dev.hygge.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.util.ConfigurationBuilder;
import dev.hygge.config.Origin;
import dev.hygge.credentials.CredentialType;
import dev.hygge.credentials.CredentialTypes;
import dev.hygge.credentials.NamedCredential;
import dev.hygge.credentials.azure.EntraCredentials;
import dev.hygge.credentials.azure.EntraOptions;
import dev.hygge.credentials.azure.FakeAuthority;
import dev.hygge.secrets.FakeKeyVault;
import dev.hygge.secrets.SecretHttp;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Azure half of {@code hygge debug --credentials}. The default chain runs for real in an
 * environment without any AZURE_* variable (so environment and workload identity fail the same way
 * everywhere; the CLI steps depend on what is installed, so only their presence is asserted). A
 * service principal gets its token from {@link FakeAuthority} over HTTPS, and a key_vault secret
 * comes from {@link FakeKeyVault} with the token the fake authority issued: there is no Entra ID or
 * Key Vault emulator.
 */
class AzureCredentialCheckTest {
  @TempDir Path dir;

  private static NamedCredential credential(
      String name, CredentialType type, String method, Map<String, String> values) {
    return new NamedCredential(
        name, type, type.method(method).orElseThrow(), values, new Origin("hygge.yml", 5));
  }

  private static AzureAuth auth(EntraOptions options, String vaultUrl) {
    return new AzureAuth(
        new EntraCredentials(options), vaultUrl, SecretHttp.standard(), Clock.systemUTC());
  }

  @Test
  void aFailingDefaultChainIsReportedStepByStep() {
    EntraOptions isolated =
        new EntraOptions(
            Optional.empty(), Optional.empty(), Optional.of(new ConfigurationBuilder().build()));

    AzureCredentialCheck check =
        AzureCredentialCheck.run(
            credential("ambient", CredentialTypes.AZURE_AD, "default", Map.of()),
            auth(isolated, "https://{vault}.vault.azure.net"));

    assertThat(check.ok()).isFalse();
    List<String> lines = check.lines();
    assertThat(lines.get(0))
        .isEqualTo("token: default gave no token for https://storage.azure.com/.default");
    assertThat(lines.subList(1, lines.size()))
        .extracting(line -> line.strip().substring(0, line.strip().indexOf(':')))
        .containsExactly(
            "EnvironmentCredential",
            "WorkloadIdentityCredential",
            "ManagedIdentityCredential",
            "AzureCliCredential",
            "AzurePowerShellCredential",
            "AzureDeveloperCliCredential");
    assertThat(lines.get(1)).contains("Environment variables are not fully configured");
    assertThat(lines.get(2)).contains("Client ID, Tenant ID, Service Token File Path");
  }

  @Test
  void aServicePrincipalThatGetsATokenIsReportedOk() throws Exception {
    try (FakeAuthority authority = new FakeAuthority(dir)) {
      EntraOptions options =
          new EntraOptions(
              Optional.of(authority.authorityHost()),
              Optional.of(authority.httpClient()),
              Optional.of(new ConfigurationBuilder().build()));

      AzureCredentialCheck check =
          AzureCredentialCheck.run(
              credential(
                  "app",
                  CredentialTypes.AZURE_AD,
                  "service_principal",
                  Map.of("tenant_id", "t1", "client_id", "c1", "client_secret", "s3cr3t")),
              auth(options, "https://{vault}.vault.azure.net"));

      assertThat(check.ok()).isTrue();
      assertThat(check.lines())
          .singleElement()
          .asString()
          .startsWith(
              "token: service_principal gave a token for https://storage.azure.com/.default,"
                  + " valid until ");
    }
  }

  @Test
  void aKeyVaultCredentialReadsItsSecretWithoutShowingIt() throws Exception {
    try (FakeAuthority authority = new FakeAuthority(dir, FakeKeyVault.TOKEN);
        FakeKeyVault vault = new FakeKeyVault()) {
      vault.secret("shop-kv", "lake-key", null, "account-KEY-value");
      vault.fail(
          "shop-kv",
          "gone",
          404,
          "SecretNotFound",
          "A secret with (name/id) gone was not found in this key vault.");
      EntraOptions options =
          new EntraOptions(
              Optional.of(authority.authorityHost()),
              Optional.of(authority.httpClient()),
              Optional.of(new ConfigurationBuilder().build()));
      AzureAuth auth = auth(options, vault.vaultUrl());
      NamedCredential reader =
          credential(
              "app",
              CredentialTypes.AZURE_AD,
              "service_principal",
              Map.of("tenant_id", "t1", "client_id", "c1", "client_secret", "s3cr3t"));

      AzureCredentialCheck found =
          AzureCredentialCheck.run(
              credential(
                      "lake_key",
                      CredentialTypes.KEY_VAULT,
                      "default",
                      Map.of("vault", "shop-kv", "secret", "lake-key"))
                  .reaching(reader),
              auth);
      AzureCredentialCheck missing =
          AzureCredentialCheck.run(
              credential(
                      "old_key",
                      CredentialTypes.KEY_VAULT,
                      "default",
                      Map.of("vault", "shop-kv", "secret", "gone"))
                  .reaching(reader),
              auth);

      assertThat(found.ok()).isTrue();
      assertThat(found.lines())
          .containsExactly(
              "key vault: read secret 'lake-key' of vault 'shop-kv' with app (value not shown)");
      assertThat(String.join("\n", found.lines())).doesNotContain("account-KEY-value");
      assertThat(missing.ok()).isFalse();
      assertThat(missing.lines())
          .singleElement()
          .asString()
          .startsWith(
              "key vault: Cannot read the account key of credential 'old_key' (key_vault, default,"
                  + " hygge.yml:5) from secret 'gone' of vault 'shop-kv' with credential 'app'")
          .contains("no such secret");
    }
  }
}
