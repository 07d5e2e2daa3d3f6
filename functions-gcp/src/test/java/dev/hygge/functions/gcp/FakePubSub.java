package dev.hygge.functions.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A fake of the one Pub/Sub REST call hygge's fan-out makes, {@code POST
 * /v1/projects/P/topics/T:publish}, as documented and as core's {@code PubSubRunQueueTest} fakes
 * it: no Pub/Sub emulator can be had here. A JSON body {@code {"messages": [{"data": base64,
 * "attributes": {...}}]}} is answered by {@code {"messageIds": [...]}}, one id per message; any
 * other path is a 404 with {@code {"error": {...}}}. It keeps the decoded messages it was sent.
 */
final class FakePubSub implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int OK = 200;
  private static final int NOT_FOUND = 404;

  private final HttpServer server;
  private final String topic;
  private final List<Message> published = new ArrayList<>();

  private FakePubSub(HttpServer server, String topic) {
    this.server = server;
    this.topic = topic;
  }

  /** Serves {@code topic} ({@code projects/P/topics/T}) on a loopback port. */
  static FakePubSub start(int port, String topic) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      FakePubSub fake = new FakePubSub(server, topic);
      server.createContext("/", fake::handle);
      server.start();
      return fake;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the Pub/Sub fake on port " + port, e);
    }
  }

  /** The messages published so far, in order. */
  synchronized List<Message> published() {
    return List.copyOf(published);
  }

  /** Forgets what was published. */
  synchronized void clear() {
    published.clear();
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (!exchange.getRequestMethod().equals("POST") || !path.equals("/v1/" + topic + ":publish")) {
      answer(
          exchange, NOT_FOUND, "{\"error\": {\"code\": 404, \"message\": \"Resource not found\"}}");
      return;
    }
    JsonNode body = JSON.readTree(exchange.getRequestBody());
    List<String> ids = new ArrayList<>();
    for (JsonNode message : body.path("messages")) {
      String data =
          new String(
              Base64.getDecoder().decode(message.path("data").asText()), StandardCharsets.UTF_8);
      published.add(new Message(data, JSON.convertValue(message.path("attributes"), Map.class)));
      ids.add(Integer.toString(published.size()));
    }
    answer(exchange, OK, JSON.writeValueAsString(Map.of("messageIds", ids)));
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /**
   * A published message.
   *
   * @param data the decoded data
   * @param attributes the message's attributes
   */
  record Message(String data, Map<?, ?> attributes) {}
}
