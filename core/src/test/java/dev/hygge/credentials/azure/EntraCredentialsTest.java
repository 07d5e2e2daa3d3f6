package dev.hygge.credentials.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;
import com.azure.identity.ClientCertificateCredential;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.DefaultAzureCredential;
import com.azure.identity.ManagedIdentityCredential;
import com.azure.identity.WorkloadIdentityCredential;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.Origin;
import dev.hygge.credentials.CredentialTypes;
import dev.hygge.credentials.NamedCredential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code azure_ad} credentials to azure-identity token credentials. A service principal's client
 * secret is exchanged for a token at {@link FakeAuthority} (HTTPS on loopback, the real MSAL client
 * credentials flow); the other methods are checked for the credential they build and the errors
 * they raise, since managed identity, workload identity and the default chain need Azure's
 * endpoints (IMDS, AKS's token file and a real authority, the Azure CLI) that do not exist here.
 */
class EntraCredentialsTest {
  @TempDir Path dir;

  private static NamedCredential azureAd(String method, Map<String, String> values) {
    return new NamedCredential(
        "entra",
        CredentialTypes.AZURE_AD,
        CredentialTypes.AZURE_AD.method(method).orElseThrow(),
        values,
        new Origin("hygge.yml", 7));
  }

  /** An environment without any AZURE_* variable, whatever the machine's. */
  private static EntraCredentials isolated() {
    Configuration empty = new ConfigurationBuilder().build();
    return new EntraCredentials(
        new EntraOptions(Optional.empty(), Optional.empty(), Optional.of(empty)));
  }

  @Test
  void servicePrincipalSecretIsExchangedForATokenAtTheAuthority() throws Exception {
    try (FakeAuthority authority = new FakeAuthority(dir)) {
      EntraCredentials credentials =
          new EntraCredentials(
              new EntraOptions(
                  Optional.of(authority.authorityHost()),
                  Optional.of(authority.httpClient()),
                  Optional.of(new ConfigurationBuilder().build())));
      NamedCredential principal =
          azureAd(
              "service_principal",
              Map.of(
                  "tenant_id", "72f988bf-86f1-41af-91ab-2d7cd011db47",
                  "client_id", "0c5a1d8e-1111-4c2b-9f00-5a7e0c1d2e3f",
                  "client_secret", "app-S3cret"));

      AccessToken token =
          credentials
              .of(principal)
              .getTokenSync(new TokenRequestContext().addScopes(EntraCredentials.STORAGE_SCOPE));

      assertThat(token.getToken()).isEqualTo(FakeAuthority.TOKEN);
      assertThat(authority.requests())
          .anySatisfy(
              request ->
                  assertThat(request)
                      .startsWith("POST /72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/v2.0/token ")
                      .contains("grant_type=client_credentials")
                      .contains("client_id=0c5a1d8e-1111-4c2b-9f00-5a7e0c1d2e3f")
                      .contains("client_secret=app-S3cret")
                      .contains("scope=https%3A%2F%2Fstorage.azure.com%2F.default"));
    }
  }

  @Test
  void eachMethodBuildsItsAzureIdentityCredential() throws Exception {
    Path pem = Files.writeString(dir.resolve("app.pem"), "not read until a token is asked for");
    Path token = Files.writeString(dir.resolve("token"), "federated");
    EntraCredentials credentials = isolated();

    assertThat(credentials.of(azureAd("default", Map.of("tenant_id", "t", "client_id", "c"))))
        .isInstanceOf(DefaultAzureCredential.class);
    assertThat(credentials.of(azureAd("managed_identity", Map.of("client_id", "c"))))
        .isInstanceOf(ManagedIdentityCredential.class);
    assertThat(credentials.of(azureAd("managed_identity", Map.of())))
        .isInstanceOf(ManagedIdentityCredential.class);
    assertThat(
            credentials.of(
                azureAd(
                    "service_principal",
                    Map.of("tenant_id", "t", "client_id", "c", "client_secret", "s"))))
        .isInstanceOf(ClientSecretCredential.class);
    assertThat(
            credentials.of(
                azureAd(
                    "service_principal",
                    Map.of(
                        "tenant_id", "t", "client_id", "c", "certificate_path", pem.toString()))))
        .isInstanceOf(ClientCertificateCredential.class);
    assertThat(
            credentials.of(
                azureAd(
                    "workload_identity",
                    Map.of("tenant_id", "t", "client_id", "c", "token_file", token.toString()))))
        .isInstanceOf(WorkloadIdentityCredential.class);
  }

  @Test
  void workloadIdentityWithoutKeysOrEnvironmentIsAConfigErrorNamingTheCredential() {
    assertThatThrownBy(() -> isolated().of(azureAd("workload_identity", Map.of())))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.CONFIG))
        .hasMessageStartingWith(
            "Cannot build credential 'entra' (azure_ad, workload_identity, hygge.yml:7): ")
        .hasMessageEndingWith(
            "(give the missing keys under the credential, or set AZURE_TENANT_ID,"
                + " AZURE_CLIENT_ID and AZURE_FEDERATED_TOKEN_FILE where hygge runs).");
  }

  @Test
  void aCredentialOfAnotherTypeGivesNoToken() {
    NamedCredential storage =
        new NamedCredential(
            "lake",
            CredentialTypes.AZURE_STORAGE,
            CredentialTypes.AZURE_STORAGE.method("sas").orElseThrow(),
            Map.of("sas_token", "sv=1"),
            new Origin("hygge.yml", 3));

    assertThatThrownBy(() -> isolated().of(storage))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "credential 'lake' (azure_storage, sas, hygge.yml:3) is not an azure_ad credential, so"
                + " it gives no Entra ID token.");
  }

  @Test
  void theAuthorityMustBeHttps() {
    assertThatThrownBy(
            () ->
                new EntraOptions(
                    Optional.of("http://127.0.0.1:1/"), Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the authority host must be https: http://127.0.0.1:1/");
  }
}
