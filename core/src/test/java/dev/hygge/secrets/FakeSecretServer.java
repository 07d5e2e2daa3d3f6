package dev.hygge.secrets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The HTTP side of the in-process secret-manager fakes: answers GETs from a table, refuses requests
 * without the expected bearer token, counts requests per path, can delay every answer, and records
 * how many requests were in flight at once. Instance-scoped; close it after the test.
 */
final class FakeSecretServer implements AutoCloseable {

  /**
   * An OAuth token endpoint: a POST here (a service account's JWT grant, say) gets the token the
   * fake accepts.
   */
  static final String TOKEN_PATH = "/token";

  /** A status and a JSON body. */
  record Answer(int status, String body) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final String token;
  private final Function<String, Answer> unknown;
  private final Answer unauthorized;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile Duration delay = Duration.ZERO;

  /**
   * @param token the bearer token every request must carry
   * @param unknown the answer for a path without an entry
   * @param unauthorized the answer when the token is missing or different
   */
  FakeSecretServer(String token, Function<String, Answer> unknown, Answer unauthorized)
      throws IOException {
    this.token = token;
    this.unknown = unknown;
    this.unauthorized = unauthorized;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** {@code http://127.0.0.1:PORT}. */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers GET {@code pathAndQuery} (e.g. {@code /v1/x:access}) with this status and body. */
  void answer(String pathAndQuery, int status, String body) {
    answers.put(pathAndQuery, new Answer(status, body));
  }

  /** Delays every later answer by this much. */
  void delay(Duration delay) {
    this.delay = delay;
  }

  /** How many requests asked for this path and query. */
  int requests(String pathAndQuery) {
    AtomicInteger count = requests.get(pathAndQuery);
    return count == null ? 0 : count.get();
  }

  /** All requests so far. */
  int requests() {
    return requests.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** The most requests that were being answered at the same time. */
  int maxInFlight() {
    return maxInFlight.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      URI uri = exchange.getRequestURI();
      String key = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      requests.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      Answer answer;
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (exchange.getRequestMethod().equals("POST") && key.equals(TOKEN_PATH)) {
        exchange.getRequestBody().readAllBytes();
        answer =
            new Answer(
                200,
                "{\"access_token\": \""
                    + token
                    + "\", \"expires_in\": 3600, \"token_type\": \"Bearer\"}");
      } else if (!exchange.getRequestMethod().equals("GET")) {
        answer = new Answer(405, "{}");
      } else if (authorization == null || !authorization.equals("Bearer " + token)) {
        answer = unauthorized;
      } else {
        Thread.sleep(delay.toMillis());
        answer = answers.getOrDefault(key, unknown.apply(key));
      }
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(answer.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (InterruptedException e) {
      // The fake is closing while a delayed answer waits: the exchange is dropped.
      Thread.currentThread().interrupt();
      exchange.close();
    } finally {
      inFlight.decrementAndGet();
    }
  }

  @Override
  public void close() throws InterruptedException {
    server.stop(0);
    executor.shutdownNow();
    executor.awaitTermination(10, TimeUnit.SECONDS);
  }
}
