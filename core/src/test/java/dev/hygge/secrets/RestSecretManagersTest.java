package dev.hygge.secrets;

import static dev.hygge.secrets.SecretProjects.gcp;
import static dev.hygge.secrets.SecretProjects.keyVault;
import static dev.hygge.secrets.SecretProjects.load;
import static dev.hygge.secrets.SecretProjects.store;
import static dev.hygge.secrets.SecretProjects.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.Project;
import dev.hygge.secrets.gcp.GcpSecretManager;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Projects whose values come from GCP Secret Manager and Azure Key Vault. Neither has a local
 * emulator, so both are in-process fakes of their documented REST contracts ({@link
 * FakeGcpSecretManager}, {@link FakeKeyVault}) that insist on the bearer token.
 */
class RestSecretManagersTest {
  private static final String PG_STORE =
      """
          store:
            type: postgres
            url: jdbc:postgresql://db.internal:5432/shop
      """;

  @TempDir Path dir;
  private FakeGcpSecretManager gcpFake;
  private FakeKeyVault vaultFake;

  @BeforeEach
  void startFakes() throws IOException {
    gcpFake = new FakeGcpSecretManager();
    vaultFake = new FakeKeyVault();
  }

  @AfterEach
  void stopFakes() throws InterruptedException {
    gcpFake.close();
    vaultFake.close();
  }

  @Test
  void readsSecretsFromSeveralVaultsAtOnce() throws IOException {
    vaultFake.secret("shop-kv", "warehouse-user", null, "loader");
    vaultFake.secret("ops-vault-02", "warehouse-password", "7d9f1c2b", "kv-S3cret");
    write(
        dir,
        """
        name: shop
        flows:
          sales:
            home: {type: csv, path: landing}
        """
            + PG_STORE
            + """
              user: ${azure-keyvault::shop-kv/warehouse-user}
              password: ${azure-keyvault::ops-vault-02/warehouse-password/7d9f1c2b}
            entities: [orders]
        """);

    Project project = load(dir, keyVault(vaultFake, FakeKeyVault.TOKEN));

    assertThat(store(project).string("user")).isEqualTo("loader");
    assertThat(store(project).string("password")).isEqualTo("kv-S3cret");
    assertThat(vaultFake.requests("shop-kv", "warehouse-user", null)).isEqualTo(1);
    assertThat(vaultFake.requests("ops-vault-02", "warehouse-password", "7d9f1c2b")).isEqualTo(1);
  }

  @Test
  void readsAGcpSecretVersionAndTheLatestOne() throws IOException {
    gcpFake.secret("projects/shop/secrets/pg-password/versions/3", "gcp-S3cret");
    gcpFake.secret("projects/shop/secrets/pg-user/versions/latest", "loader");
    write(
        dir,
        """
        name: shop
        flows:
          sales:
            home: {type: csv, path: landing}
        """
            + PG_STORE
            + """
              user: ${gcp-secrets::projects/shop/secrets/pg-user}
              password: ${gcp-secrets::projects/shop/secrets/pg-password/versions/3}
            entities: [orders]
        """);

    Project project = load(dir, gcp(gcpFake));

    assertThat(store(project).string("user")).isEqualTo("loader");
    assertThat(store(project).string("password")).isEqualTo("gcp-S3cret");
  }

  @Test
  void fetchesAllSecretsInParallel() throws IOException {
    gcpFake.delay(Duration.ofSeconds(1));
    for (int i = 1; i <= 4; i++) {
      gcpFake.secret("projects/shop/secrets/s" + i + "/versions/1", "value-" + i);
    }
    write(
        dir,
        """
        name: shop
        flows:
          sales:
            home: {type: csv, path: landing}
        """
            + PG_STORE
            + """
              user: ${gcp-secrets::projects/shop/secrets/s1/versions/1}
              password: ${gcp-secrets::projects/shop/secrets/s2/versions/1}
              table: ${gcp-secrets::projects/shop/secrets/s3/versions/1}.${gcp-secrets::projects/shop/secrets/s4/versions/1}
            entities: [orders]
        """);

    Project project = load(dir, gcp(gcpFake));

    assertThat(store(project).string("table")).isEqualTo("value-3.value-4");
    assertThat(gcpFake.maxInFlight()).isEqualTo(4);
  }

  @Test
  void fetchesEachDistinctExpressionOnce() throws IOException {
    gcpFake.secret("projects/shop/secrets/pg-password/versions/3", "gcp-S3cret");
    vaultFake.secret("shop-kv", "pg-user", null, "loader");
    write(
        dir,
        """
        name: shop
        flows:
          sales:
            home: {type: csv, path: landing}
        """
            + PG_STORE
            + """
              user: ${azure-keyvault::shop-kv/pg-user}
              password: ${gcp-secrets::projects/shop/secrets/pg-password/versions/3}
            entities:
              orders: {}
              customers:
                store:
                  password: ${gcp-secrets::projects/shop/secrets/pg-password/versions/3}
          audit:
            home: {type: csv, path: landing}
            store:
              type: postgres
              url: jdbc:postgresql://db.internal:5432/audit?user=${azure-keyvault::shop-kv/pg-user}
              password: ${gcp-secrets::projects/shop/secrets/pg-password/versions/3}
            entities: [events]
        """);

    Project project = load(dir, gcp(gcpFake), keyVault(vaultFake, FakeKeyVault.TOKEN));

    assertThat(project.flows().get(1).entities().get(0).storeSettings().string("url"))
        .isEqualTo("jdbc:postgresql://db.internal:5432/audit?user=loader");
    assertThat(gcpFake.requests("projects/shop/secrets/pg-password/versions/3")).isEqualTo(1);
    assertThat(vaultFake.requests("shop-kv", "pg-user", null)).isEqualTo(1);
  }

  @Test
  void aSlowSecretManagerTimesOutNamingTheSecretAndWhereItIsUsed() throws IOException {
    gcpFake.delay(Duration.ofSeconds(5));
    gcpFake.secret("projects/shop/secrets/pg-password/versions/3", "gcp-S3cret");
    write(
        dir,
        """
        name: shop
        options:
          secret_timeout: 1
        flows:
          sales:
            home: {type: csv, path: landing}
        """
            + PG_STORE
            + """
              password: ${gcp-secrets::projects/shop/secrets/pg-password/versions/3}
            entities: [orders]
        """);

    long start = System.nanoTime();
    assertThatThrownBy(() -> load(dir, gcp(gcpFake)))
        .isInstanceOf(HyggeException.class)
        .hasFieldOrPropertyWithValue("kind", ErrorKind.CREDENTIAL)
        // Whichever gives up first, hygge's deadline or the HTTP client's timeout, says so.
        .hasMessageMatching(
            "Cannot fetch secret 'projects/shop/secrets/pg-password/versions/3' \\(gcp-secrets\\)"
                + " for 'flows.sales.store.password' at hygge.yml:10: timed out: no answer"
                + " (from 127.0.0.1 )?within 1s \\(options.secret_timeout\\). Check that the"
                + " manager is reachable from here, or raise options.secret_timeout.");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void aMissingSecretNamesTheFileLineKeyAndHandler() throws IOException {
    write(
        dir,
        """
        name: shop
        flows:
          sales:
            home: {type: csv, path: landing}
        """
            + PG_STORE
            + """
              password: ${azure-keyvault::shop-kv/no-such-secret}
            entities: [orders]
        """);

    assertThatThrownBy(() -> load(dir, keyVault(vaultFake, FakeKeyVault.TOKEN)))
        .isInstanceOf(HyggeException.class)
        .hasFieldOrPropertyWithValue("kind", ErrorKind.CREDENTIAL)
        .hasMessage(
            "Cannot fetch secret 'shop-kv/no-such-secret' (azure-keyvault) for"
                + " 'flows.sales.store.password' at hygge.yml:8: no such secret: HTTP 404 from"
                + " vault shop-kv: A secret with (name/id) no-such-secret was not found in this key"
                + " vault. Check the vault, the secret's name and its version.");
  }

  @Test
  void accessDeniedSaysWhichRoleIsMissing() throws IOException {
    gcpFake.fail(
        "projects/shop/secrets/pg-password/versions/3",
        403,
        "PERMISSION_DENIED",
        "Permission 'secretmanager.versions.access' denied for resource"
            + " 'projects/shop/secrets/pg-password/versions/3' (or it may not exist).");
    vaultFake.fail(
        "shop-kv",
        "pg-user",
        403,
        "Forbidden",
        "Caller is not authorized to perform action on resource.");
    write(
        dir,
        """
        name: shop
        flows:
          sales:
            home: {type: csv, path: landing}
        """
            + PG_STORE
            + """
              user: ${azure-keyvault::shop-kv/pg-user}
              password: ${gcp-secrets::projects/shop/secrets/pg-password/versions/3}
            entities: [orders]
        """);

    assertThatThrownBy(() -> load(dir, gcp(gcpFake), keyVault(vaultFake, FakeKeyVault.TOKEN)))
        .isInstanceOf(HyggeException.class)
        .hasFieldOrPropertyWithValue("kind", ErrorKind.CREDENTIAL)
        .hasMessageStartingWith("Cannot fetch 2 secrets:")
        .hasMessageContaining(
            "Cannot fetch secret 'shop-kv/pg-user' (azure-keyvault) for 'flows.sales.store.user'"
                + " at hygge.yml:8: access denied: HTTP 403 from vault shop-kv: Caller is not"
                + " authorized to perform action on resource. Check that the identity may get"
                + " secrets in vault shop-kv (role Key Vault Secrets User, or an access policy"
                + " with Get).")
        .hasMessageContaining(
            "Cannot fetch secret 'projects/shop/secrets/pg-password/versions/3' (gcp-secrets)"
                + " for 'flows.sales.store.password' at hygge.yml:9: access denied: HTTP 403"
                + " Permission 'secretmanager.versions.access' denied for resource"
                + " 'projects/shop/secrets/pg-password/versions/3' (or it may not exist). Check"
                + " that the identity has roles/secretmanager.secretAccessor on"
                + " projects/shop/secrets/pg-password/versions/3.");
  }

  @Test
  void aRefusedTokenIsAccessDenied() throws IOException {
    vaultFake.secret("shop-kv", "pg-user", null, "loader");
    write(
        dir,
        """
        name: shop
        flows:
          sales:
            home: {type: csv, path: landing}
        """
            + PG_STORE
            + """
              user: ${azure-keyvault::shop-kv/pg-user}
            entities: [orders]
        """);

    assertThatThrownBy(() -> load(dir, keyVault(vaultFake, "some-other-token")))
        .isInstanceOf(HyggeException.class)
        .hasFieldOrPropertyWithValue("kind", ErrorKind.CREDENTIAL)
        .hasMessageContaining(
            "for 'flows.sales.store.user' at hygge.yml:8: access denied: HTTP 401 from vault"
                + " shop-kv: AKV10000: Request is missing a Bearer or PoP token.");
  }

  @Test
  void noCredentialsInTheChainSaysWhereCredentialsComeFrom() throws IOException {
    write(
        dir,
        """
        name: shop
        flows:
          sales:
            home: {type: csv, path: landing}
        """
            + PG_STORE
            + """
              password: ${gcp-secrets::projects/shop/secrets/pg-password/versions/3}
            entities: [orders]
        """);
    GcpSecretManager noCredentials =
        new GcpSecretManager(
            gcpFake.endpoint(),
            () -> {
              throw new IOException("Your default credentials were not found.");
            },
            SecretHttp.standard());

    assertThatThrownBy(() -> load(dir, noCredentials))
        .isInstanceOf(HyggeException.class)
        .hasFieldOrPropertyWithValue("kind", ErrorKind.CREDENTIAL)
        .hasMessage(
            "Cannot fetch secret 'projects/shop/secrets/pg-password/versions/3' (gcp-secrets)"
                + " for 'flows.sales.store.password' at hygge.yml:8: no credentials in the chain:"
                + " Your default credentials were not found. Check GOOGLE_APPLICATION_CREDENTIALS,"
                + " gcloud auth application-default login, or the service account attached where"
                + " hygge runs.");
    assertThat(gcpFake.requests()).isZero();
  }

  @Test
  void aMalformedNameFailsBeforeAnyRequest() throws IOException {
    write(
        dir,
        """
        name: shop
        flows:
          sales:
            home: {type: csv, path: landing}
        """
            + PG_STORE
            + """
              password: ${gcp-secrets::shop/pg-password}
            entities: [orders]
        """);

    assertThatThrownBy(() -> load(dir, gcp(gcpFake)))
        .isInstanceOf(HyggeException.class)
        .hasFieldOrPropertyWithValue("kind", ErrorKind.CREDENTIAL)
        .hasMessageContaining(
            "Cannot fetch secret 'shop/pg-password' (gcp-secrets) for"
                + " 'flows.sales.store.password' at hygge.yml:8: not a valid secret name:"
                + " 'shop/pg-password' is not a secret version name. Check the expression: write"
                + " ${gcp-secrets::projects/PROJECT/secrets/SECRET/versions/VERSION}");
    assertThat(gcpFake.requests()).isZero();
  }

  @Test
  void aSecretInAKeyThatDoesNotLookSecretIsMaskedInErrors() throws IOException {
    gcpFake.secret("projects/shop/secrets/codec/versions/1", "zstd-S3cret");
    write(
        dir,
        """
        name: shop
        flows:
          sales:
            home: {type: csv, path: landing}
            store:
              type: parquet
              path: lake
              compression: ${gcp-secrets::projects/shop/secrets/codec/versions/1}
            entities: [orders]
        """);

    assertThatThrownBy(() -> load(dir, gcp(gcpFake)))
        .isInstanceOf(HyggeException.class)
        .hasFieldOrPropertyWithValue("kind", ErrorKind.CONFIG)
        .hasMessageStartingWith(
            "Invalid value for 'compression' in store 'parquet' of entity sales.orders at"
                + " hygge.yml:8: '****' is not one of")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("zstd-S3cret"))
        .satisfies(e -> assertThat(String.valueOf(e.getCause())).doesNotContain("zstd-S3cret"));
  }

  @Test
  void settingsMaskEveryFetchedValueWhateverTheKey() throws IOException {
    gcpFake.secret("projects/shop/secrets/landing/versions/1", "landing-S3cret");
    write(
        dir,
        """
        name: shop
        flows:
          sales:
            home:
              type: csv
              path: ${gcp-secrets::projects/shop/secrets/landing/versions/1}
            store: {type: parquet, path: lake}
            entities: [orders]
        """);

    Project project = load(dir, gcp(gcpFake));

    assertThat(SecretProjects.home(project).string("path")).isEqualTo("landing-S3cret/orders");
    assertThat(SecretProjects.home(project).maskSecrets("path is landing-S3cret/orders"))
        .isEqualTo("path is ****/orders");
  }
}
