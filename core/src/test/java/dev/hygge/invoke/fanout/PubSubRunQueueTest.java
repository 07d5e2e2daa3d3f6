package dev.hygge.invoke.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.Project;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.ManualRun;
import dev.hygge.invoke.fanout.pubsub.PubSubTransport;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fan-out to Pub/Sub. No Pub/Sub emulator can be had here, so an in-process HTTP server in this
 * test fakes the one REST call used, {@code POST /v1/projects/P/topics/T:publish}, as documented: a
 * JSON body {@code {"messages": [{"data": base64, "attributes": {...}}]}} answered by {@code
 * {"messageIds": [...]}}, one id per message in order, or an error status with {@code {"error":
 * {"message": ...}}}. The fake keeps what it was sent and can answer chosen statuses first.
 */
class PubSubRunQueueTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOPIC = "projects/test-project/topics/hygge-runs";
  private static final SendRetry QUICK = new SendRetry(3, Duration.ZERO, Duration.ZERO);

  private HttpServer server;
  private URI endpoint;
  private final List<JsonNode> published = new ArrayList<>();
  private final List<String> authorizations = new ArrayList<>();
  private final Deque<Integer> failures = new ConcurrentLinkedDeque<>();
  private final AtomicInteger ids = new AtomicInteger();

  @TempDir Path dir;

  @BeforeEach
  void startFake() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/", this::publish);
    server.start();
    endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stopFake() {
    server.stop(0);
  }

  private synchronized void publish(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Integer failure = failures.poll();
    if (!exchange.getRequestMethod().equals("POST") || !path.equals("/v1/" + TOPIC + ":publish")) {
      answer(exchange, 404, "{\"error\": {\"code\": 404, \"message\": \"Resource not found\"}}");
    } else if (failure != null) {
      answer(
          exchange,
          failure,
          "{\"error\": {\"code\": " + failure + ", \"message\": \"try later\"}}");
    } else {
      JsonNode body = JSON.readTree(exchange.getRequestBody());
      authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      List<String> messageIds = new ArrayList<>();
      for (JsonNode message : body.path("messages")) {
        published.add(message);
        messageIds.add(Integer.toString(ids.incrementAndGet()));
      }
      answer(exchange, 200, JSON.writeValueAsString(Map.of("messageIds", messageIds)));
    }
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private RunQueue queue(String topic) {
    return new BatchedRunQueue(
        new PubSubTransport(
            endpoint, topic, () -> Optional.of("token-1"), HttpClient.newHttpClient()),
        QUICK);
  }

  private static Invocation.Scheduled wholeFlow() {
    return new Invocation.Scheduled("sales", Optional.empty(), Invocation.RunOptions.defaults());
  }

  private List<ManualRun> publishedRuns() throws IOException {
    List<ManualRun> runs = new ArrayList<>();
    for (JsonNode message : published) {
      byte[] data = Base64.getDecoder().decode(message.path("data").asText());
      runs.add(JSON.readValue(data, ManualRun.class));
    }
    return runs;
  }

  @Test
  void publishesOneSignedMessagePerEntity() throws IOException {
    List<String> entities = FanOutProject.entities(4);
    Project project = FanOutProject.load(dir, entities);

    FanOutReport report;
    try (RunQueue queue = queue(TOPIC)) {
      report = new FanOut(project, queue).fanOut(wholeFlow());
    }

    assertThat(report.queue()).isEqualTo("Pub/Sub topic " + TOPIC);
    assertThat(report.sent()).extracting(SentRun::messageId).containsExactly("1", "2", "3", "4");
    assertThat(publishedRuns())
        .containsExactlyElementsOf(entities.stream().map(e -> new ManualRun("sales", e)).toList());
    assertThat(published.get(0).path("attributes").path("entity").asText()).isEqualTo("e01");
    assertThat(authorizations).containsExactly("Bearer token-1");
  }

  @Test
  void republishesAfterThrottlingAndServerErrors() throws IOException {
    Project project = FanOutProject.load(dir, List.of("orders", "customers"));
    failures.add(429);
    failures.add(503);

    try (RunQueue queue = queue(TOPIC)) {
      new FanOut(project, queue).fanOut(wholeFlow());
    }

    assertThat(publishedRuns())
        .containsExactly(new ManualRun("sales", "orders"), new ManualRun("sales", "customers"));
  }

  @Test
  void failsClearlyWhenThrottlingOutlastsTheRetries() throws IOException {
    Project project = FanOutProject.load(dir, List.of("orders"));
    failures.add(429);
    failures.add(429);
    failures.add(429);

    try (RunQueue queue = queue(TOPIC)) {
      FanOut fanOut = new FanOut(project, queue);
      assertThatThrownBy(() -> fanOut.fanOut(wholeFlow()))
          .isInstanceOf(HyggeException.class)
          .hasMessageStartingWith(
              "Cannot send every run message to Pub/Sub topic "
                  + TOPIC
                  + ": 0 of 1 sent. Still failing after 3 tries: sales.orders (HTTP 429 try"
                  + " later).");
    }
    assertThat(published).isEmpty();
  }

  @Test
  void aMissingTopicIsAConfigError() throws IOException {
    Project project = FanOutProject.load(dir, List.of("orders"));
    String missing = "projects/test-project/topics/missing";
    try (RunQueue queue = queue(missing)) {
      FanOut fanOut = new FanOut(project, queue);
      assertThatThrownBy(() -> fanOut.fanOut(wholeFlow()))
          .isInstanceOf(HyggeException.class)
          .hasMessage(
              "The fan-out topic "
                  + missing
                  + " does not exist (HTTP 404 Resource not found): check HYGGE_FANOUT_TOPIC, or"
                  + " create the topic.")
          .extracting(e -> ((HyggeException) e).kind())
          .isEqualTo(ErrorKind.CONFIG);
    }
  }

  @Test
  void aRefusedPublishIsACredentialError() throws IOException {
    Project project = FanOutProject.load(dir, List.of("orders"));
    failures.add(403);
    try (RunQueue queue = queue(TOPIC)) {
      FanOut fanOut = new FanOut(project, queue);
      assertThatThrownBy(() -> fanOut.fanOut(wholeFlow()))
          .isInstanceOf(HyggeException.class)
          .hasMessage(
              "Pub/Sub refused to publish to "
                  + TOPIC
                  + " (HTTP 403 try later): give the function's service account"
                  + " roles/pubsub.publisher on the topic.")
          .extracting(e -> ((HyggeException) e).kind())
          .isEqualTo(ErrorKind.CREDENTIAL);
    }
  }

  @Test
  void aTopicThatIsNotAFullNameIsRefusedBeforeSending() {
    assertThatThrownBy(() -> queue("hygge-runs"))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "HYGGE_FANOUT_TOPIC 'hygge-runs' is not a topic name: write it whole, e.g."
                + " projects/my-project/topics/hygge-runs.");
  }

  @Test
  void anEndpointSettingSendsUnsignedRequestsToIt() throws IOException {
    Project project = FanOutProject.load(dir, List.of("orders"));
    FanOutSettings settings =
        FanOutSettings.from(
            new SmallRyeConfigBuilder()
                .withSources(
                    new PropertiesConfigSource(
                        Map.of(
                            FanOutSettings.TOPIC,
                            TOPIC,
                            FanOutSettings.ENDPOINT,
                            endpoint.toString()),
                        "test",
                        0))
                .build());

    try (RunQueue queue = RunQueues.open(settings).orElseThrow()) {
      new FanOut(project, queue).fanOut(wholeFlow());
    }

    assertThat(publishedRuns()).containsExactly(new ManualRun("sales", "orders"));
    assertThat(authorizations).containsExactly("null");
  }
}
