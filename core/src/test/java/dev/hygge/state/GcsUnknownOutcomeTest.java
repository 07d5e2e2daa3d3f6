package dev.hygge.state;

import com.google.cloud.NoCredentials;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.gcs.GcsEndpoint;
import dev.hygge.storage.gcs.GcsObjectStore;
import dev.hygge.storage.gcs.GcsOptions;
import dev.hygge.testing.FakeGcsServer;
import dev.hygge.testing.ReplyLosingProxy;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Unknown outcomes of state writes on Cloud Storage, served by fake-gcs-server: a state write is a
 * multipart upload with {@code ifGenerationMatch}, which the client retries.
 */
class GcsUnknownOutcomeTest extends UnknownOutcomeContract {
  private static final String BUCKET = "hygge-state";
  private static final GcsOptions OPTIONS =
      GcsOptions.defaults().withRetries(MAX_ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(20));
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
  protected URI target() {
    return server.endpoint();
  }

  @Override
  protected ObjectStore newObjectStore(URI endpoint) {
    return new GcsObjectStore(
        () ->
            new GcsEndpoint(Optional.of(FakeGcsServer.PROJECT), Optional.of(endpoint))
                .newClient(OPTIONS, NoCredentials.getInstance()),
        OPTIONS);
  }

  @Override
  protected String bucket() {
    return "gs://" + BUCKET;
  }

  @Override
  protected Predicate<ReplyLosingProxy.Request> conditionalWrite() {
    return request ->
        request.method().equals("POST")
            && request.uri().getPath().startsWith("/upload/storage/v1/b/")
            && request.queryContains("ifGenerationMatch");
  }
}
