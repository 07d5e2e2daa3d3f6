package dev.hygge.storage;

import dev.hygge.storage.gcs.GcsEndpoint;
import dev.hygge.storage.gcs.GcsObjectStore;
import dev.hygge.storage.gcs.GcsOptions;
import dev.hygge.testing.FakeGcsServer;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The object-storage flows on Google Cloud Storage, served by fake-gcs-server on loopback (it takes
 * unsigned requests, so the project's credential is an anonymous one).
 */
class GcsFlowTest extends ObjectStorageFlowContract {
  private static FakeGcsServer gcs;

  @BeforeAll
  static void startGcs() {
    gcs = FakeGcsServer.start();
    gcs.createBucket(BUCKET);
  }

  @AfterAll
  static void stopGcs() {
    if (gcs != null) {
      gcs.close();
    }
  }

  @Override
  protected String credential() {
    return "type: anonymous\n";
  }

  @Override
  protected String bucketUrl() {
    return "gs://" + BUCKET;
  }

  @Override
  protected String serviceSettings() {
    return "endpoint: " + gcs.endpoint();
  }

  @Override
  protected String envFile() {
    return "";
  }

  @Override
  protected ObjectStore openStore() {
    GcsOptions options = GcsOptions.defaults();
    GcsEndpoint endpoint =
        new GcsEndpoint(Optional.of(FakeGcsServer.PROJECT), Optional.of(gcs.endpoint()));
    return new GcsObjectStore(
        () -> endpoint.newClient(options, com.google.cloud.NoCredentials.getInstance()), options);
  }
}
