package dev.hygge.storage.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.NoCredentials;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.InputObject;
import dev.hygge.storage.Location;
import dev.hygge.storage.gcs.JsonApiFake.Reply;
import dev.hygge.storage.gcs.JsonApiFake.Request;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Refused credentials, throttling, server errors and the exact ranges read. fake-gcs-server cannot
 * produce 401, 403, 429 or 503 answers, so this test talks to {@link JsonApiFake}, a small fake of
 * the JSON API in this JVM that answers in its documented error format.
 */
class GcsFailuresTest {
  private static final int MAX_ATTEMPTS = 3;
  private static final String OBJECT_PATH = "/storage/v1/b/sales/o/landing%2Fa.csv";
  private static final String ONE_OBJECT =
      "{\"kind\":\"storage#objects\",\"items\":[{\"kind\":\"storage#object\",\"bucket\":\"sales\","
          + "\"name\":\"landing/a.csv\",\"generation\":\"1700000000000001\",\"metageneration\":"
          + "\"1\",\"size\":\"42\",\"updated\":\"2026-01-02T03:04:05.000Z\"}]}";

  private final AtomicInteger answered = new AtomicInteger();
  private JsonApiFake fake;
  private GcsObjectStore store;

  @AfterEach
  void stopFake() {
    if (store != null) {
      store.close();
    }
    if (fake != null) {
      fake.close();
    }
  }

  @Test
  void deniedReadIsACredentialErrorNamingTheBucket() {
    start(
        request ->
            Reply.error(
                403,
                "forbidden",
                "hygge@p.iam.gserviceaccount.com does not have storage.objects.get access to the"
                    + " Google Cloud Storage object."));
    Location location = Location.parse("gs://sales/landing/a.csv");

    assertThatThrownBy(() -> store.stat(location))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "Cannot read gs://sales/landing/a.csv: access denied (HTTP 403:"
                + " hygge@p.iam.gserviceaccount.com does not have storage.objects.get access to the"
                + " Google Cloud Storage object.); check that the credential in use may read"
                + " objects in bucket 'sales' (its IAM roles on the bucket or project, e.g."
                + " roles/storage.objectViewer to read, roles/storage.objectUser to write)")
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.CREDENTIAL);
    assertThat(answered).hasValue(1);
  }

  @Test
  void refusedCredentialSaysToCheckIt() {
    start(request -> Reply.error(401, "required", "Invalid Credentials"));

    assertThatThrownBy(() -> store.list(Location.parse("gs://sales/landing/")))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "Cannot list gs://sales/landing/: the credential was refused (HTTP 401: Invalid"
                + " Credentials); check that it is valid and not expired, and that it is meant for"
                + " Cloud Storage")
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.CREDENTIAL);
  }

  @Test
  void deniedBucketCheckDoesNotHideTheObjectCall() {
    // Object-level roles cannot read bucket metadata; that alone must not fail an object call.
    start(
        request ->
            request.uri().getPath().equals("/storage/v1/b/sales")
                ? Reply.error(403, "forbidden", "no storage.buckets.get permission")
                : Reply.error(404, "notFound", "No such object: sales/landing/a.csv"));

    assertThat(store.stat(Location.parse("gs://sales/landing/a.csv"))).isEmpty();
    assertThat(fake.requests())
        .extracting(r -> r.uri().getPath())
        .containsExactly("/storage/v1/b/sales/o/landing/a.csv", "/storage/v1/b/sales");
  }

  @Test
  void throttledListingIsRetriedUntilItPasses() {
    start(
        request ->
            answered.get() < MAX_ATTEMPTS
                ? Reply.error(429, "rateLimitExceeded", "The rate of change requests is too high.")
                : Reply.json(200, ONE_OBJECT));

    assertThat(store.list(Location.parse("gs://sales/landing/")))
        .singleElement()
        .satisfies(
            info -> {
              assertThat(info.location().toString()).isEqualTo("gs://sales/landing/a.csv");
              assertThat(info.size()).isEqualTo(42);
              assertThat(info.version()).isEqualTo("1700000000000001");
            });
    assertThat(answered).hasValue(MAX_ATTEMPTS);
  }

  @Test
  void retriesAreBoundedAndTheFailureCountsThem() {
    start(request -> Reply.error(503, "backendError", "Backend Error"));

    assertThatThrownBy(() -> store.list(Location.parse("gs://sales/landing/")))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "Cannot list gs://sales/landing/: Cloud Storage answered HTTP 503 (Backend Error) on"
                + " all 3 attempts; try again later, or allow more attempts (maxAttempts)")
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.HOME);
    assertThat(answered).hasValue(MAX_ATTEMPTS);
  }

  @Test
  void throttledUploadFailsAsAStoreErrorAfterItsAttempts() {
    start(
        request ->
            request.uri().getPath().startsWith("/upload/")
                ? Reply.error(429, "rateLimitExceeded", "Too many uploads")
                : Reply.json(200, "{\"kind\":\"storage#bucket\",\"name\":\"sales\"}"));
    Location location = Location.parse("gs://sales/out/x.bin");

    // The client starts the resumable upload session when the object is opened.
    assertThatThrownBy(() -> store.createOrOverwrite(location))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "Cannot write gs://sales/out/x.bin: Cloud Storage answered HTTP 429 (Too many"
                + " uploads) on all 3 attempts; try again later, or allow more attempts"
                + " (maxAttempts)")
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.STORE);
    assertThat(fake.requests().stream().filter(r -> r.uri().getPath().startsWith("/upload/")))
        .hasSize(MAX_ATTEMPTS);
  }

  @Test
  void rangedReadAsksForExactlyTheBytesWanted() {
    byte[] content = new byte[10_000];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i % 251);
    }
    start(request -> serve(request, content));
    InputObject in = store.open(Location.parse("gs://sales/landing/a.csv"));

    byte[] footer = new byte[8];
    in.readFully(9_992, footer, 0, 8);

    assertThat(footer).containsExactly(Arrays.copyOfRange(content, 9_992, 10_000));
    assertThat(fake.requests())
        .filteredOn(r -> r.range() != null)
        .extracting(Request::range)
        .containsExactly("bytes=9992-9999");
    assertThat(fake.requests())
        .filteredOn(r -> r.uri().getQuery() != null && r.uri().getQuery().contains("alt=media"))
        .singleElement()
        .satisfies(r -> assertThat(r.uri().getQuery()).contains("generation=1700000000000001"));
  }

  private static Reply serve(Request request, byte[] content) {
    String path = request.uri().getRawPath().replaceFirst("^/download/", "/");
    if (!path.equals(OBJECT_PATH)) {
      return Reply.error(404, "notFound", "No such object: " + request.uri().getRawPath());
    }
    String query = request.uri().getQuery() == null ? "" : request.uri().getQuery();
    if (!query.contains("alt=media")) {
      return Reply.json(
          200,
          "{\"kind\":\"storage#object\",\"bucket\":\"sales\",\"name\":\"landing/a.csv\","
              + "\"generation\":\"1700000000000001\",\"metageneration\":\"1\",\"size\":\""
              + content.length
              + "\",\"updated\":\"2026-01-02T03:04:05.000Z\"}");
    }
    String[] range = request.range().substring("bytes=".length()).split("-");
    int from = Integer.parseInt(range[0]);
    int to = Integer.parseInt(range[1]);
    return new Reply(
        206,
        Arrays.copyOfRange(content, from, to + 1),
        Map.of(
            "Content-Range",
            "bytes " + from + "-" + to + "/" + content.length,
            "x-goog-generation",
            "1700000000000001"));
  }

  private void start(JsonApiFake.Responder responder) {
    fake =
        new JsonApiFake(
            request -> {
              answered.incrementAndGet();
              return responder.answer(request);
            });
    GcsOptions options =
        GcsOptions.defaults()
            .withRetries(MAX_ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(20));
    store =
        new GcsObjectStore(
            () ->
                new GcsEndpoint(Optional.of("test"), Optional.of(fake.endpoint()))
                    .newClient(options, NoCredentials.getInstance()),
            options);
  }
}
