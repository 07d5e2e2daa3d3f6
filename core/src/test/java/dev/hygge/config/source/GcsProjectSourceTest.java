package dev.hygge.config.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.NoCredentials;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.gcs.GcsEndpoint;
import dev.hygge.storage.gcs.GcsObjectStore;
import dev.hygge.storage.gcs.GcsOptions;
import dev.hygge.testing.FakeGcsServer;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Projects fetched from Cloud Storage, served by fake-gcs-server. */
class GcsProjectSourceTest extends ObjectStorageProjectSourceContract {
  private static final String BUCKET = "projects";

  private static FakeGcsServer server;

  @BeforeAll
  static void startServer() {
    server = FakeGcsServer.start();
    server.createBucket(BUCKET);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Override
  protected ObjectStore newStore() {
    GcsOptions options = GcsOptions.defaults();
    return new GcsObjectStore(
        () ->
            new GcsEndpoint(Optional.of(FakeGcsServer.PROJECT), Optional.of(server.endpoint()))
                .newClient(options, NoCredentials.getInstance()),
        options);
  }

  @Override
  protected Location newRoot() {
    return Location.parse("gs://" + BUCKET + "/" + UUID.randomUUID() + "/");
  }

  @Override
  protected Location missingBucket() {
    return Location.parse("gs://no-such-bucket/project/");
  }

  @Test
  void hyggeProjectOnAnEmulatorIsFetchedUnsigned() {
    Location root = uploadedProject("from-gcs");

    String name =
        loadedName(
            settings(
                Map.of(
                    "HYGGE_PROJECT", root.toString(),
                    "HYGGE_PROJECT_ENDPOINT", server.endpoint().toString(),
                    "HYGGE_PROJECT_CREDENTIAL", "anonymous")));

    assertThat(name).isEqualTo("from-gcs");
  }
}
