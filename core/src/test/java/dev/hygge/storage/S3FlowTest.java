package dev.hygge.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.ErrorKind;
import dev.hygge.config.RunType;
import dev.hygge.invoke.EntityReport;
import dev.hygge.invoke.EntityStatus;
import dev.hygge.storage.s3.S3ObjectStore;
import dev.hygge.storage.s3.S3Options;
import dev.hygge.testing.S3Emulator;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The object-storage flows on S3, served by s3proxy in this JVM on loopback. */
class S3FlowTest extends ObjectStorageFlowContract {
  private static S3Emulator s3;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = S3Emulator.start();
    s3.createBucket(BUCKET);
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (s3 != null) {
      s3.close();
    }
  }

  @Override
  protected String credential() {
    return """
        type: s3
        method: access_key
        access_key_id: %s
        secret_access_key: ${LAKE_SECRET}
        """
        .formatted(S3Emulator.ACCESS_KEY);
  }

  @Override
  protected String bucketUrl() {
    return "s3://" + BUCKET;
  }

  @Override
  protected String serviceSettings() {
    return "endpoint: " + s3.endpoint();
  }

  @Override
  protected String envFile() {
    return "LAKE_SECRET=" + S3Emulator.SECRET_KEY + "\n";
  }

  @Override
  protected ObjectStore openStore() {
    return new S3ObjectStore(() -> s3.client(S3Options.defaults()), S3Options.defaults());
  }

  @Test
  void aWrongSecretFailsTheEntityAsACredentialProblem() throws Exception {
    writeProject("compression: zstd", "");
    Files.writeString(project.resolve(".env"), "LAKE_SECRET=not-the-secret\n");

    EntityReport orders = run("upload", RunType.FULL_DROP).entities().get(0);

    assertThat(orders.status()).isEqualTo(EntityStatus.FAILED);
    assertThat(orders.errorKind()).contains(ErrorKind.CREDENTIAL);
    assertThat(orders.error().orElseThrow())
        .contains("access denied")
        .contains("bucket 'lake'")
        .contains(
            "[Entity upload.orders: its store uses credential 'lake'; check it with 'hygge debug"
                + " --credentials']")
        .doesNotContain("not-the-secret");
  }
}
