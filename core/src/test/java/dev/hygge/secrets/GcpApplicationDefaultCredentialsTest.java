package dev.hygge.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.cli.HyggeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard GCP manager as a user's {@code hygge debug} builds it: Application Default
 * Credentials from {@code GOOGLE_APPLICATION_CREDENTIALS} (a service account whose {@code
 * token_uri} is the fake's), and the endpoint from {@code HYGGE_GCP_SECRETS_ENDPOINT}. GCP Secret
 * Manager has no emulator: {@link FakeGcpSecretManager} fakes its REST contract and the token
 * endpoint.
 */
class GcpApplicationDefaultCredentialsTest {
  private static final int KEY_BITS = 2048;
  private static final String VERSION = "projects/shop/secrets/landing/versions/1";

  @TempDir Path dir;
  private FakeGcpSecretManager fake;

  @BeforeEach
  void startFake() throws Exception {
    fake = new FakeGcpSecretManager();
  }

  @AfterEach
  void stopFake() throws InterruptedException {
    fake.close();
  }

  @Test
  void debugReadsASecretWithApplicationDefaultCredentials() throws Exception {
    fake.secret(VERSION, "landing-S3cret");
    SecretProjects.write(
        dir,
        """
        name: shop
        flows:
          sales:
            home:
              type: csv
              path: ${gcp-secrets::%s}
            store: {type: parquet, path: lake}
            entities: [orders]
        """
            .formatted(VERSION));
    Path key = dir.resolve("service-account.json");
    Files.writeString(key, serviceAccount(fake.endpoint() + FakeSecretServer.TOKEN_PATH));
    Path log = dir.resolve("debug.log");

    Process hygge =
        HyggeProcess.start(
            Map.of(
                "GOOGLE_APPLICATION_CREDENTIALS", key.toString(),
                "HYGGE_GCP_SECRETS_ENDPOINT", fake.endpoint().toString()),
            log,
            "debug",
            "--project",
            dir.toString());

    assertThat(hygge.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(log))
        .contains("configuration is valid")
        .contains("    path: ****/orders  (hygge.yml:6)")
        .doesNotContain("landing-S3cret");
    assertThat(fake.requests(VERSION)).isEqualTo(1);
  }

  /** A service-account key file with a fresh RSA key and this token endpoint. */
  private static String serviceAccount(String tokenUri) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(KEY_BITS);
    String pem =
        "-----BEGIN PRIVATE KEY-----\\n"
            + Base64.getEncoder()
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
            + "\\n-----END PRIVATE KEY-----\\n";
    return """
        {
          "type": "service_account",
          "project_id": "shop",
          "private_key_id": "test-key",
          "private_key": "%s",
          "client_email": "hygge@shop.iam.gserviceaccount.com",
          "client_id": "1234567890",
          "token_uri": "%s"
        }
        """
        .formatted(pem, tokenUri);
  }
}
