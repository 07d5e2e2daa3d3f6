package dev.hygge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.testing.Moto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@code hygge debug} run as a user would, its AWS SDK pointed at moto through the standard {@code
 * AWS_ENDPOINT_URL}: a value from a secret manager is masked whatever its key is called.
 */
class SecretDebugTest {
  private static final String LANDING = "landing-S3cret";
  private static final String CODEC = "codec-S3cret";
  private static Moto moto;

  @TempDir Path project;

  @BeforeAll
  static void startMoto() throws IOException, InterruptedException {
    moto = Moto.start();
    try (SecretsManagerClient client =
        SecretsManagerClient.builder()
            .endpointOverride(moto.endpoint())
            .region(Region.of(Moto.REGION))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
            .build()) {
      client.createSecret(r -> r.name("landing-path").secretString(LANDING));
      client.createSecret(r -> r.name("codec").secretString(CODEC));
    }
  }

  @AfterAll
  static void stopMoto() throws InterruptedException {
    moto.close();
  }

  @Test
  void debugMasksASecretInAKeyThatDoesNotLookSecret() throws Exception {
    Files.writeString(
        project.resolve("hygge.yml"),
        """
        name: shop
        flows:
          sales:
            home:
              type: csv
              path: ${aws-secrets::landing-path}
            store:
              type: parquet
              path: lake
            entities: [orders]
        """);

    String output = debug();

    assertThat(output)
        .contains("secret_timeout=30s")
        .contains("home: csv")
        .contains("    path: ****/orders  (hygge.yml:6)")
        .containsPattern("check path: MISSING, .*/\\*\\*\\*\\*/orders")
        .doesNotContain(LANDING);
  }

  @Test
  void anErrorMessageMasksASecretInAKeyThatDoesNotLookSecret() throws Exception {
    Files.createDirectories(project.resolve("landing"));
    Files.writeString(
        project.resolve("hygge.yml"),
        """
        name: shop
        flows:
          sales:
            home: {type: csv, path: landing}
            store:
              type: parquet
              path: lake
              compression: ${aws-secrets::codec}
            entities: [orders]
        """);

    String output = debug();

    assertThat(output)
        .contains(
            "hygge: Invalid value for 'compression' in store 'parquet' of entity sales.orders at"
                + " hygge.yml:8: '****' is not one of")
        .doesNotContain(CODEC);
  }

  private String debug() throws IOException, InterruptedException {
    Path log = Files.createTempFile(project, "debug", ".log");
    Process process =
        HyggeProcess.start(moto.environment(), log, "debug", "--project", project.toString());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return Files.readString(log);
  }
}
