package dev.hygge.files;

import com.google.cloud.NoCredentials;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.gcs.GcsEndpoint;
import dev.hygge.storage.gcs.GcsObjectStore;
import dev.hygge.storage.gcs.GcsOptions;
import dev.hygge.testing.FakeGcsServer;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The staged object publish on Cloud Storage, served by fake-gcs-server on loopback; files move by
 * a server-side rewrite and a delete.
 */
class GcsStagedObjectsTest extends StagedObjectsContract {
  private static final String BUCKET = "staging-test";
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
  protected ObjectStore store() {
    return store;
  }

  @Override
  protected Location root() {
    return root;
  }

  @Test
  void movesInsideTheService() throws Exception {
    assertMovesInsideTheService(store);
  }
}
