package dev.hygge.state;

import com.google.cloud.NoCredentials;
import dev.hygge.storage.Location;
import dev.hygge.storage.gcs.GcsEndpoint;
import dev.hygge.storage.gcs.GcsObjectStore;
import dev.hygge.storage.gcs.GcsOptions;
import dev.hygge.testing.FakeGcsServer;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The run history as objects under a state prefix on Cloud Storage, served by fake-gcs-server. */
class GcsRunHistoryTest {
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

  private static ObjectRunJournal journal(Location root, int limit) {
    GcsObjectStore store =
        new GcsObjectStore(
            () ->
                new GcsEndpoint(Optional.of(FakeGcsServer.PROJECT), Optional.of(server.endpoint()))
                    .newClient(GcsOptions.defaults(), NoCredentials.getInstance()),
            GcsOptions.defaults());
    return new ObjectRunJournal(store, root, limit, RunHistoryChecks.NOW);
  }

  private static Location freshRoot() {
    return Location.parse("gs://" + BUCKET + "/" + UUID.randomUUID() + "/state");
  }

  @Test
  void lastRunsAcrossYearsAndFilters() {
    try (ObjectRunJournal journal = journal(freshRoot(), 100)) {
      RunHistoryChecks.lastRunsAcrossYearsAndFilters(journal);
    }
  }

  @Test
  void keepsItsLimit() {
    Location root = freshRoot();
    RunHistoryChecks.keepsItsLimit(limit -> journal(root, limit));
  }
}
