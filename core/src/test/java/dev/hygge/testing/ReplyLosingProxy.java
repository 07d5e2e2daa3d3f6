package dev.hygge.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * An HTTP proxy on a loopback port that forwards every request to a target server and, for the
 * requests a test picks, loses either the reply (the request reaches the target and takes effect,
 * then the client's connection is closed without an answer) or the request itself (the connection
 * is closed and nothing is forwarded). It stands for a network that fails around a conditional
 * write, so a test can tell "it happened but nobody heard" from "it never happened".
 */
public final class ReplyLosingProxy implements AutoCloseable {
  /** What is lost of a picked request. */
  public enum Loss {
    /** The request is forwarded and takes effect; its reply never reaches the client. */
    REPLY,
    /** The request is never forwarded; the client sees its connection closed. */
    REQUEST
  }

  /**
   * A request as the proxy sees it, for picking which ones to lose.
   *
   * @param method the HTTP method
   * @param uri the path and query
   * @param headers the request headers, names in lower case
   */
  public record Request(String method, URI uri, Map<String, List<String>> headers) {
    /** Whether the request carries the header, whatever its case. */
    public boolean has(String header) {
      return headers.containsKey(header.toLowerCase(Locale.ROOT));
    }

    /** Whether the query string contains {@code text}. */
    public boolean queryContains(String text) {
      return uri.getRawQuery() != null && uri.getRawQuery().contains(text);
    }
  }

  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> CLIENT_HEADERS =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");

  /** Headers of the target's reply that the proxy's server writes itself. */
  private static final Set<String> SERVER_HEADERS =
      Set.of("content-length", "transfer-encoding", "connection", "date");

  private static final int NO_BODY = -1;

  private final URI target;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<Request> lost = new CopyOnWriteArrayList<>();
  private Predicate<Request> picked = request -> false;
  private Loss loss = Loss.REPLY;
  private int skip;
  private int remaining;

  private ReplyLosingProxy(URI target) {
    this.target = target;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A proxy in front of the server at {@code target} (its scheme, host and port). */
  public static ReplyLosingProxy to(URI target) {
    return new ReplyLosingProxy(target);
  }

  /** The proxy's URL, {@code http://127.0.0.1:PORT}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** {@link #endpoint()} with the path of {@code url}, e.g. an Azurite account endpoint. */
  public URI endpointFor(URI url) {
    return endpoint().resolve(url.getRawPath());
  }

  /**
   * Loses {@code what} of the {@code count} requests that match {@code which} after the first
   * {@code skip} matching ones went through untouched.
   */
  public synchronized void lose(Loss what, Predicate<Request> which, int skip, int count) {
    this.loss = what;
    this.picked = which;
    this.skip = skip;
    this.remaining = count;
  }

  /** The requests lost so far. */
  public List<Request> lost() {
    return List.copyOf(lost);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private synchronized Loss pick(Request request) {
    if (remaining == 0 || !picked.test(request)) {
      return null;
    }
    if (skip > 0) {
      skip--;
      return null;
    }
    remaining--;
    lost.add(request);
    return loss;
  }

  private void handle(HttpExchange exchange) throws IOException {
    // Closing an exchange before its reply headers went out closes the client's connection.
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Request request =
          new Request(exchange.getRequestMethod(), exchange.getRequestURI(), headers(exchange));
      Loss what = pick(request);
      if (what == Loss.REQUEST) {
        return;
      }
      HttpResponse<byte[]> reply = forward(request, body);
      if (what == Loss.REPLY) {
        return;
      }
      reply
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!SERVER_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                  exchange.getResponseHeaders().put(name, values);
                }
              });
      boolean empty = reply.body().length == 0 || request.method().equals("HEAD");
      if (request.method().equals("HEAD")) {
        reply
            .headers()
            .firstValue("content-length")
            .ifPresent(length -> exchange.getResponseHeaders().set("Content-Length", length));
      }
      exchange.sendResponseHeaders(reply.statusCode(), empty ? NO_BODY : reply.body().length);
      if (!empty) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(reply.body());
        }
      }
    }
  }

  private HttpResponse<byte[]> forward(Request request, byte[] body) throws IOException {
    HttpRequest.Builder forwarded =
        HttpRequest.newBuilder(
                URI.create(
                    target.getScheme()
                        + "://"
                        + target.getRawAuthority()
                        + request.uri().toString()))
            .method(
                request.method(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    request
        .headers()
        .forEach(
            (name, values) -> {
              if (!CLIENT_HEADERS.contains(name)) {
                values.forEach(value -> forwarded.header(name, value));
              }
            });
    try {
      return client.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while forwarding " + request.uri(), e);
    }
  }

  private static Map<String, List<String>> headers(HttpExchange exchange) {
    Headers headers = exchange.getRequestHeaders();
    Map<String, List<String>> lower = new TreeMap<>();
    headers.forEach(
        (name, values) -> lower.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    return Map.copyOf(lower);
  }
}
