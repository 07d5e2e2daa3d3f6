package dev.hygge.storage.gcs;

import com.google.cloud.NoCredentials;
import dev.hygge.storage.ConditionalWriteContract;
import dev.hygge.storage.Location;
import dev.hygge.storage.SupportsConditionalWrite;
import dev.hygge.testing.FakeGcsServer;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** Conditional writes on Cloud Storage by generation, served by fake-gcs-server. */
class GcsConditionalWriteTest extends ConditionalWriteContract {
  private static final String BUCKET = "hygge-state";
  private static FakeGcsServer server;

  private GcsObjectStore store;
  private Location root;

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

  @BeforeEach
  void openStore() {
    store =
        new GcsObjectStore(
            () ->
                new GcsEndpoint(Optional.of(FakeGcsServer.PROJECT), Optional.of(server.endpoint()))
                    .newClient(GcsOptions.defaults(), NoCredentials.getInstance()),
            GcsOptions.defaults());
    root = Location.parse("gs://" + BUCKET + "/" + UUID.randomUUID() + "/");
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Override
  protected SupportsConditionalWrite store() {
    return store;
  }

  @Override
  protected Location root() {
    return root;
  }
}
