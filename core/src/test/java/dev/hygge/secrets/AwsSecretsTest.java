package dev.hygge.secrets;

import static dev.hygge.secrets.SecretProjects.load;
import static dev.hygge.secrets.SecretProjects.store;
import static dev.hygge.secrets.SecretProjects.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.Project;
import dev.hygge.secrets.aws.AwsSecretsManager;
import dev.hygge.testing.Moto;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** {@code ${aws-secrets::...}} against AWS Secrets Manager as moto emulates it on loopback. */
class AwsSecretsTest {
  private static Moto moto;

  @TempDir Path dir;

  @BeforeAll
  static void startMoto() throws IOException, InterruptedException {
    moto = Moto.start();
  }

  @AfterAll
  static void stopMoto() throws InterruptedException {
    moto.close();
  }

  @BeforeEach
  void forgetSecrets() throws IOException, InterruptedException {
    moto.reset();
  }

  static SecretsManagerClient client() {
    return SecretsManagerClient.builder()
        .endpointOverride(moto.endpoint())
        .region(Region.of(Moto.REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .build();
  }

  private static void createSecret(String name, String value) {
    try (SecretsManagerClient client = client()) {
      client.createSecret(r -> r.name(name).secretString(value));
    }
  }

  @Test
  void resolvesTheStorePasswordFromAFieldOfAJsonSecret() throws IOException {
    createSecret("prod/warehouse", "{\"user\": \"loader\", \"password\": \"aws-S3cret\"}");
    createSecret("prod/warehouse-url", "jdbc:postgresql://warehouse.internal:5432/shop");
    write(
        dir,
        """
        name: shop
        flows:
          sales:
            home: {type: csv, path: landing}
            store:
              type: postgres
              url: ${aws-secrets::prod/warehouse-url}
              user: ${aws-secrets::prod/warehouse#user}
              password: ${aws-secrets::prod/warehouse#password}
            entities: [orders]
        """);

    Project project = load(dir, new AwsSecretsManager(AwsSecretsTest::client));

    assertThat(store(project).string("url"))
        .isEqualTo("jdbc:postgresql://warehouse.internal:5432/shop");
    assertThat(store(project).string("user")).isEqualTo("loader");
    assertThat(store(project).string("password")).isEqualTo("aws-S3cret");
  }

  @Test
  void aMissingSecretNamesTheRegionAndWhereItIsUsed() throws IOException {
    write(
        dir,
        """
        name: shop
        flows:
          sales:
            home: {type: csv, path: landing}
            store:
              type: postgres
              url: jdbc:postgresql://warehouse.internal:5432/shop
              password: ${aws-secrets::prod/no-such-secret#password}
            entities: [orders]
        """);

    assertThatThrownBy(() -> load(dir, new AwsSecretsManager(AwsSecretsTest::client)))
        .isInstanceOf(HyggeException.class)
        .hasFieldOrPropertyWithValue("kind", ErrorKind.CREDENTIAL)
        .hasMessageStartingWith(
            "Cannot fetch secret 'prod/no-such-secret#password' (aws-secrets) for"
                + " 'flows.sales.store.password' at hygge.yml:8: no such secret: AWS Secrets"
                + " Manager in region us-east-1 has no secret 'prod/no-such-secret' (")
        .hasMessageEndingWith(
            "). Check the secret's name, and AWS_REGION (or the profile's region).");
  }

  @Test
  void aMissingFieldNamesTheFieldsThereAreButNoValues() throws IOException {
    createSecret("prod/warehouse", "{\"user\": \"loader\", \"pass\": \"aws-S3cret\"}");
    write(
        dir,
        """
        name: shop
        flows:
          sales:
            home: {type: csv, path: landing}
            store:
              type: postgres
              url: jdbc:postgresql://warehouse.internal:5432/shop
              password: ${aws-secrets::prod/warehouse#password}
            entities: [orders]
        """);

    assertThatThrownBy(() -> load(dir, new AwsSecretsManager(AwsSecretsTest::client)))
        .isInstanceOf(HyggeException.class)
        .hasFieldOrPropertyWithValue("kind", ErrorKind.CREDENTIAL)
        .hasMessage(
            "Cannot fetch secret 'prod/warehouse#password' (aws-secrets) for"
                + " 'flows.sales.store.password' at hygge.yml:8: no such secret: secret"
                + " 'prod/warehouse' has no text field 'password' (its fields: user, pass). Check"
                + " the field after '#'.");
  }

  @Test
  void aFieldOfASecretThatIsNotJsonFailsWithoutShowingIt() throws IOException {
    createSecret("prod/plain", "not-json-S3cret");
    write(
        dir,
        """
        name: shop
        flows:
          sales:
            home: {type: csv, path: landing}
            store:
              type: postgres
              url: jdbc:postgresql://warehouse.internal:5432/shop
              password: ${aws-secrets::prod/plain#password}
            entities: [orders]
        """);

    assertThatThrownBy(() -> load(dir, new AwsSecretsManager(AwsSecretsTest::client)))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining(
            "no such secret: secret 'prod/plain' is not a JSON object, so '#password' names no"
                + " field. Check the expression: write ${aws-secrets::prod/plain} for the whole"
                + " value.")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-json-S3cret"));
  }
}
