package dev.hygge.config.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.HyggeException;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.s3.S3ObjectStore;
import dev.hygge.storage.s3.S3Options;
import dev.hygge.testing.S3Emulator;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Projects fetched from S3, served by s3proxy in this JVM. */
class S3ProjectSourceTest extends ObjectStorageProjectSourceContract {
  private static final String BUCKET = "projects";

  private static S3Emulator emulator;

  @BeforeAll
  static void startEmulator() throws Exception {
    emulator = S3Emulator.start();
    emulator.createBucket(BUCKET);
  }

  @AfterAll
  static void stopEmulator() throws Exception {
    emulator.close();
  }

  @Override
  protected ObjectStore newStore() {
    S3Options options = S3Options.defaults();
    return new S3ObjectStore(() -> emulator.client(options), options);
  }

  @Override
  protected Location newRoot() {
    return Location.parse("s3://" + BUCKET + "/" + UUID.randomUUID() + "/");
  }

  @Override
  protected Location missingBucket() {
    return Location.parse("s3://no-such-bucket/project/");
  }

  @Test
  void hyggeProjectWithAnEndpointIsFetchedWithTheDefaultChain() {
    Location root = uploadedProject("from-env");
    ProjectSourceSettings settings =
        settings(
            Map.of(
                "HYGGE_PROJECT", root.toString(),
                "HYGGE_PROJECT_ENDPOINT", emulator.endpoint().toString(),
                "HYGGE_PROJECT_REGION", S3Emulator.REGION));
    // The AWS default chain reads keys from system properties, as a function's role gives them.
    System.setProperty("aws.accessKeyId", S3Emulator.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", S3Emulator.SECRET_KEY);
    try {
      assertThat(loadedName(settings)).isEqualTo("from-env");
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }

  @Test
  void aConnectionStringIsForAzureOnly() {
    assertThatThrownBy(
            () ->
                ProjectSources.open(
                    settings(
                        Map.of(
                            "HYGGE_PROJECT",
                            "s3://" + BUCKET + "/p/",
                            "HYGGE_PROJECT_CONNECTION_STRING",
                            "AccountName=a;AccountKey=k"))))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "HYGGE_PROJECT_CONNECTION_STRING is for Azure Storage, but HYGGE_PROJECT is s3://"
                + BUCKET
                + "/p/: remove it, and let the cloud's default chain (or"
                + " HYGGE_PROJECT_CREDENTIAL) sign the requests.");
  }
}
