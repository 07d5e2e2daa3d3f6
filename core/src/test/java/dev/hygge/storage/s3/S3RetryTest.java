package dev.hygge.storage.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.Location;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;

/**
 * Retries on throttling. s3proxy cannot be made to throttle, so this test talks to a small fake in
 * this JVM that answers S3's documented {@code 503 SlowDown} error to the first listing requests
 * and a one-key {@code ListObjectsV2} result afterwards.
 */
class S3RetryTest {
  private static final int MAX_ATTEMPTS = 3;
  private static final String SLOW_DOWN =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code>"
          + "<Message>Please reduce your request rate.</Message></Error>";
  private static final String ONE_KEY =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
          + "<Name>sales</Name><Prefix>landing/</Prefix><KeyCount>1</KeyCount>"
          + "<MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>"
          + "<Contents><Key>landing/a.csv</Key><LastModified>2026-01-02T03:04:05.000Z</LastModified>"
          + "<ETag>\"abc\"</ETag><Size>42</Size><StorageClass>STANDARD</StorageClass></Contents>"
          + "</ListBucketResult>";

  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;
  private S3ObjectStore store;
  private volatile int throttledRequests;

  @BeforeEach
  void startFake() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    S3Options options =
        new S3Options(
            S3Options.DEFAULT_PART_SIZE,
            S3Options.MAX_LIST_PAGE_SIZE,
            MAX_ATTEMPTS,
            Duration.ofMillis(1),
            Duration.ofMillis(20));
    store =
        new S3ObjectStore(
            () ->
                new S3Endpoint("us-east-1", Optional.of(endpoint))
                    .newClient(options, AnonymousCredentialsProvider.create()),
            options);
  }

  @AfterEach
  void stopFake() {
    store.close();
    server.stop(0);
  }

  @Test
  void throttledRequestsAreRetriedUntilTheyPass() {
    throttledRequests = MAX_ATTEMPTS - 1;

    assertThat(store.list(Location.parse("s3://sales/landing/")))
        .singleElement()
        .satisfies(
            info -> {
              assertThat(info.location().toString()).isEqualTo("s3://sales/landing/a.csv");
              assertThat(info.size()).isEqualTo(42);
            });
    assertThat(requests).hasValue(MAX_ATTEMPTS);
  }

  @Test
  void retriesAreBoundedAndTheFailureSaysWhat() {
    throttledRequests = Integer.MAX_VALUE;

    assertThatThrownBy(() -> store.list(Location.parse("s3://sales/landing/")))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith("Cannot list s3://sales/landing/: Please reduce your request rate.")
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.HOME);
    assertThat(requests).hasValue(MAX_ATTEMPTS);
  }

  private void answer(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    boolean throttle = requests.incrementAndGet() <= throttledRequests;
    byte[] body = (throttle ? SLOW_DOWN : ONE_KEY).getBytes(UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/xml");
    exchange.sendResponseHeaders(throttle ? 503 : 200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
