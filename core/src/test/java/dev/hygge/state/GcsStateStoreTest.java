package dev.hygge.state;

import com.google.cloud.NoCredentials;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.gcs.GcsEndpoint;
import dev.hygge.storage.gcs.GcsObjectStore;
import dev.hygge.storage.gcs.GcsOptions;
import dev.hygge.testing.FakeGcsServer;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The state store contract on Cloud Storage, served by fake-gcs-server. */
class GcsStateStoreTest extends CloudStateStoreContract {
  private static final String BUCKET = "hygge-state";
  private static FakeGcsServer server;

  @BeforeAll
  static void startFakeGcsServer() {
    server = FakeGcsServer.start();
    server.createBucket(BUCKET);
  }

  @AfterAll
  static void stopFakeGcsServer() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  protected ObjectStore newObjectStore() {
    return new GcsObjectStore(
        () ->
            new GcsEndpoint(Optional.of(FakeGcsServer.PROJECT), Optional.of(server.endpoint()))
                .newClient(GcsOptions.defaults(), NoCredentials.getInstance()),
        GcsOptions.defaults());
  }

  @Override
  protected String bucket() {
    return "gs://" + BUCKET;
  }
}
