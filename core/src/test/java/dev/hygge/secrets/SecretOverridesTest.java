package dev.hygge.secrets;

import static dev.hygge.secrets.SecretProjects.gcp;
import static dev.hygge.secrets.SecretProjects.store;
import static dev.hygge.secrets.SecretProjects.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.LoadOptions;
import dev.hygge.config.Project;
import dev.hygge.config.ProjectLoader;
import dev.hygge.flow.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secret expressions that are not written in the YAML value itself: in an override that wins over
 * it, or behind a {@code ${VAR}}. GCP Secret Manager has no emulator, so this runs against the
 * in-process fake of its REST contract ({@link FakeGcpSecretManager}).
 */
class SecretOverridesTest {
  private static final String SECRET = "projects/shop/secrets/pg-password/versions/3";

  @TempDir Path dir;
  private FakeGcpSecretManager fake;

  @BeforeEach
  void startFake() throws IOException {
    fake = new FakeGcpSecretManager();
  }

  @AfterEach
  void stopFake() throws InterruptedException {
    fake.close();
  }

  private Project load(Map<String, String> properties) {
    try (SecretManagers managers = SecretManagers.of(gcp(fake))) {
      return ProjectLoader.load(
          dir,
          new LoadOptions(Optional.empty(), Map.of(), properties),
          Registry.standard(),
          managers);
    }
  }

  private void project(String password) throws IOException {
    write(
        dir,
        """
        name: shop
        flows:
          sales:
            home: {type: csv, path: landing}
            store:
              type: postgres
              url: jdbc:postgresql://db.internal:5432/shop
              password: %s
            entities: [orders]
        """
            .formatted(password));
  }

  @Test
  void anOverrideThatWinsIsWhatIsFetched() throws IOException {
    fake.secret(SECRET, "gcp-S3cret");
    project("${gcp-secrets::projects/shop/secrets/not-used/versions/1}");

    Project project = load(Map.of("flows.sales.store.password", "${gcp-secrets::" + SECRET + "}"));

    assertThat(store(project).string("password")).isEqualTo("gcp-S3cret");
    assertThat(fake.requests("projects/shop/secrets/not-used/versions/1")).isZero();
  }

  @Test
  void anOverrideThatFailsIsNamedAsTheSourceOfTheSecret() throws IOException {
    project("plain");

    assertThatThrownBy(
            () -> load(Map.of("flows.sales.store.password", "${gcp-secrets::" + SECRET + "}")))
        .isInstanceOf(HyggeException.class)
        .hasFieldOrPropertyWithValue("kind", ErrorKind.CREDENTIAL)
        .hasMessageStartingWith(
            "Cannot fetch secret '"
                + SECRET
                + "' (gcp-secrets) for 'flows.sales.store.password' at property"
                + " flows.sales.store.password: no such secret: HTTP 404 Secret ["
                + SECRET
                + "] not found or has no versions.");
  }

  @Test
  void aSecretBehindAVariableIsFetchedWhenItIsMet() throws IOException {
    fake.secret(SECRET, "gcp-S3cret");
    project("${PG_PASSWORD}");
    Files.writeString(dir.resolve(".env"), "PG_PASSWORD=${gcp-secrets::" + SECRET + "}\n");

    Project project = load(Map.of());

    assertThat(store(project).string("password")).isEqualTo("gcp-S3cret");
    assertThat(fake.requests(SECRET)).isEqualTo(1);
  }

  @Test
  void aSecretBehindAVariableThatFailsNamesTheKeyThatUsesIt() throws IOException {
    project("${PG_PASSWORD}");
    Files.writeString(dir.resolve(".env"), "PG_PASSWORD=${gcp-secrets::" + SECRET + "}\n");

    assertThatThrownBy(() -> load(Map.of()))
        .isInstanceOf(HyggeException.class)
        .hasFieldOrPropertyWithValue("kind", ErrorKind.CREDENTIAL)
        .hasMessageStartingWith(
            "Cannot fetch secret '"
                + SECRET
                + "' (gcp-secrets) for 'flows.sales.store.password' at hygge.yml:8: no such"
                + " secret: HTTP 404");
  }

  @Test
  void aNameBuiltFromAVariableIsFetchedOnceExpanded() throws IOException {
    fake.secret(SECRET, "gcp-S3cret");
    project("${gcp-secrets::projects/shop/secrets/${SECRET_NAME}/versions/3}");

    Project project = load(Map.of("SECRET_NAME", "pg-password"));

    assertThat(store(project).string("password")).isEqualTo("gcp-S3cret");
    assertThat(fake.requests(SECRET)).isEqualTo(1);
  }

  @Test
  void theTimeoutIsAProjectOption() throws IOException {
    fake.secret(SECRET, "gcp-S3cret");
    write(
        dir,
        """
        name: shop
        options:
          secret_timeout: 5
        flows:
          sales:
            home: {type: csv, path: landing}
            store: {type: parquet, path: lake}
            entities: [orders]
        """);

    assertThat(load(Map.of()).options().secretTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void theTimeoutDefaultsToThirtySeconds() throws IOException {
    project("plain");

    assertThat(load(Map.of()).options().secretTimeout()).isEqualTo(Duration.ofSeconds(30));
  }
}
