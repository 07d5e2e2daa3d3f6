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
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Projects whose values come from GCP Secret Manager and Azure Key Vault. Neither has a local
 * emulator, so both are in-process fakes of their documented REST contracts ({@link
 * FakeGcpSecretManager}, {@link FakeKeyVault}) that insist on the bearer token.
 */
class RestSecretManagersTest extends RestSecretFakes {
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
