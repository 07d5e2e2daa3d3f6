package dev.hygge.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hygge.storage.Location;
import dev.hygge.storage.WriteOutcomeUnknownException;
import dev.hygge.storage.s3.S3ObjectStore;
import dev.hygge.storage.s3.S3Options;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A state write whose reply never comes (an S3 endpoint that takes the PUT and then hangs) is an
 * unknown outcome, a different error from a conflict.
 */
class S3UnknownOutcomeTest {
  private static final Duration CALL_TIMEOUT = Duration.ofMillis(500);
  private static final String NO_SUCH_KEY =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code>"
          + "<Message>The specified key does not exist.</Message></Error>";

  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;

  @BeforeEach
  void startHangingServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stopServer() {
    release.countDown();
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    boolean bucketOnly = path.equals("/hygge-state") || path.equals("/hygge-state/");
    try (exchange) {
      if (method.equals("PUT")) {
        exchange.getRequestBody().readAllBytes();
        release.await(CALL_TIMEOUT.multipliedBy(10).toMillis(), TimeUnit.MILLISECONDS);
      } else if (bucketOnly) {
        exchange.sendResponseHeaders(200, -1);
      } else if (method.equals("HEAD")) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        byte[] body = NO_SUCH_KEY.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(404, body.length);
        exchange.getResponseBody().write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private S3Client client() {
    return S3Client.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT).retryPolicy(RetryPolicy.none()))
        .build();
  }

  @Test
  void aWriteWithoutAReplyIsAnUnknownOutcomeNotAConflict() {
    try (ObjectStateStore store =
        new ObjectStateStore(
            new S3ObjectStore(this::client, S3Options.defaults()),
            Location.parse("s3://hygge-state/state"))) {
      assertThat(store.read(StateStoreContract.ORDERS)).isEmpty();

      assertThatThrownBy(
              () ->
                  store.write(
                      StateStoreContract.ORDERS, StateStoreContract.sample(), Optional.empty()))
          .isInstanceOf(StateOutcomeUnknownException.class)
          .isNotInstanceOf(StateConflictException.class)
          .hasMessageStartingWith(
              "Cannot tell whether the state of entity shop.orders was saved to"
                  + " s3://hygge-state/state/shop/orders.json")
          .hasMessageContaining("repeats the last window if it was not saved")
          .hasCauseInstanceOf(WriteOutcomeUnknownException.class);
    }
  }
}
