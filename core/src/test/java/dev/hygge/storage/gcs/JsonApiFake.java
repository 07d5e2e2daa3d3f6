package dev.hygge.storage.gcs;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny stand-in for Cloud Storage's JSON API in this JVM, for what fake-gcs-server cannot do
 * (refuse a credential, throttle, fail with 5xx): each request is recorded and answered by the
 * test's {@link Responder}, with bodies in the JSON API's documented format.
 */
final class JsonApiFake implements AutoCloseable {
  /** One answer: status, JSON or raw body, extra headers. */
  record Reply(int status, byte[] body, Map<String, String> headers) {
    static Reply json(int status, String json) {
      return new Reply(status, json.getBytes(UTF_8), Map.of("Content-Type", "application/json"));
    }

    /** The JSON API's error body: {@code {"error": {"code", "message", "errors": [...]}}}. */
    static Reply error(int status, String reason, String message) {
      return json(
          status,
          "{\"error\":{\"code\":"
              + status
              + ",\"message\":\""
              + message
              + "\",\"errors\":[{\"message\":\""
              + message
              + "\",\"domain\":\"global\",\"reason\":\""
              + reason
              + "\"}]}}");
    }
  }

  /** A request as the fake saw it. */
  record Request(String method, URI uri, String range) {}

  /** Answers one request. */
  interface Responder {
    Reply answer(Request request);
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile Responder responder;

  JsonApiFake(Responder responder) {
    this.responder = responder;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::answer);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    Request request =
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI(),
            exchange.getRequestHeaders().getFirst("Range"));
    requests.add(request);
    Reply reply = responder.answer(request);
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.sendResponseHeaders(
        reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(reply.body());
    }
  }
}
