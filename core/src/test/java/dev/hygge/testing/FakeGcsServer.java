package dev.hygge.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * fake-gcs-server (Go, github.com/fsouza/fake-gcs-server) as a subprocess on a free loopback port
 * with an in-memory backend, for tests that need Cloud Storage's JSON API on the wire. Found
 * through {@value #BINARY_VARIABLE}, else {@code $(go env GOPATH)/bin}, else {@code PATH}; a
 * missing binary fails the test with how to install it. Close it to stop the process.
 */
public final class FakeGcsServer implements AutoCloseable {
  /** The environment variable that names the fake-gcs-server binary. */
  public static final String BINARY_VARIABLE = "HYGGE_FAKE_GCS_SERVER";

  /** How to get the binary. */
  public static final String INSTALL = "go install github.com/fsouza/fake-gcs-server@v1.56.1";

  /** The project the fake's buckets belong to. */
  public static final String PROJECT = "test";

  private static final String BINARY = "fake-gcs-server";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
  private static final Duration GO_ENV_TIMEOUT = Duration.ofSeconds(30);
  private static final int HTTP_OK = 200;
  private static final int LOG_TAIL = 2_000;

  private final Process process;
  private final URI endpoint;
  private final Path log;
  private final HttpClient http = HttpClient.newHttpClient();

  private FakeGcsServer(Process process, URI endpoint, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
  }

  /** Starts a server whose upload URLs point at itself. */
  public static FakeGcsServer start() {
    int port = freePort();
    return start(port, loopback(port));
  }

  /**
   * Starts a server that hands out {@code externalUrl} in the {@code Location} of resumable upload
   * sessions, so uploads go through a proxy listening there.
   */
  public static FakeGcsServer startBehind(URI externalUrl) {
    return start(freePort(), externalUrl);
  }

  /** The JSON API's base URL, {@code http://127.0.0.1:PORT}. */
  public URI endpoint() {
    return endpoint;
  }

  /** Creates a bucket in project {@value #PROJECT}. */
  public void createBucket(String name) {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint.resolve("/storage/v1/b?project=" + PROJECT))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
            .build();
    HttpResponse<String> response = send(request);
    if (response.statusCode() != HTTP_OK) {
      throw new AssertionError(
          "fake-gcs-server refused to create bucket "
              + name
              + ": HTTP "
              + response.statusCode()
              + " "
              + response.body());
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
      Files.deleteIfExists(log);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while stopping fake-gcs-server", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FakeGcsServer start(int port, URI externalUrl) {
    Path binary = binary(System.getenv(), goPath());
    Path log;
    Process process;
    try {
      log = Files.createTempFile("fake-gcs-server-", ".log");
      process =
          new ProcessBuilder(
                  binary.toString(),
                  "-scheme",
                  "http",
                  "-host",
                  "127.0.0.1",
                  "-port",
                  String.valueOf(port),
                  "-backend",
                  "memory",
                  "-public-host",
                  "127.0.0.1:" + port,
                  "-external-url",
                  externalUrl.toString(),
                  "-log-level",
                  "warn")
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new AssertionError("Cannot start " + binary + ": " + e.getMessage(), e);
    }
    FakeGcsServer server = new FakeGcsServer(process, loopback(port), log);
    server.awaitReady(binary);
    return server;
  }

  private void awaitReady(Path binary) {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    HttpRequest probe =
        HttpRequest.newBuilder(endpoint.resolve("/storage/v1/b?project=" + PROJECT)).build();
    while (true) {
      if (!process.isAlive()) {
        throw new AssertionError(
            binary + " exited with " + process.exitValue() + " before serving: " + logTail());
      }
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == HTTP_OK) {
          return;
        }
      } catch (ConnectException e) {
        // Not listening yet.
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for fake-gcs-server", e);
      }
      if (Instant.now().isAfter(deadline)) {
        close();
        throw new AssertionError(
            binary
                + " did not answer on "
                + endpoint
                + " within "
                + START_TIMEOUT
                + ": "
                + logTail());
      }
      sleep(POLL_INTERVAL);
    }
  }

  private String logTail() {
    try {
      String text = Files.readString(log, UTF_8);
      return text.length() <= LOG_TAIL ? text : text.substring(text.length() - LOG_TAIL);
    } catch (IOException e) {
      return "(cannot read its log " + log + ": " + e.getMessage() + ")";
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling fake-gcs-server", e);
    }
  }

  /**
   * The binary, or a failure that says where it looked and how to install it.
   *
   * @param environment the variables to read {@value #BINARY_VARIABLE} and {@code PATH} from
   * @param goPath the first entry of {@code go env GOPATH}, empty without Go
   */
  static Path binary(Map<String, String> environment, Optional<String> goPath) {
    String named = environment.get(BINARY_VARIABLE);
    if (named != null && !named.isBlank()) {
      Path path = Path.of(named);
      if (!Files.isExecutable(path)) {
        throw new AssertionError(
            BINARY_VARIABLE + " names " + named + ", which is not an executable file");
      }
      return path;
    }
    List<Path> candidates = new ArrayList<>();
    goPath.ifPresent(gopath -> candidates.add(Path.of(gopath, "bin", BINARY)));
    String path = environment.getOrDefault("PATH", "");
    for (String directory : path.split(File.pathSeparator)) {
      if (!directory.isEmpty()) {
        candidates.add(Path.of(directory, BINARY));
      }
    }
    return candidates.stream()
        .filter(Files::isExecutable)
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "fake-gcs-server is missing (looked in "
                        + candidates
                        + "). Install it with `"
                        + INSTALL
                        + "` (a few minutes the first time; .ci/run does it), or set "
                        + BINARY_VARIABLE
                        + " to the binary"));
  }

  /** The first entry of {@code go env GOPATH}, or empty when Go is not installed. */
  private static Optional<String> goPath() {
    try {
      Process go = new ProcessBuilder("go", "env", "GOPATH").redirectErrorStream(true).start();
      String out = new String(go.getInputStream().readAllBytes(), UTF_8).trim();
      if (!go.waitFor(GO_ENV_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || go.exitValue() != 0) {
        go.destroyForcibly();
        return Optional.empty();
      }
      String first = out.split(File.pathSeparator)[0];
      return first.isEmpty() ? Optional.empty() : Optional.of(first);
    } catch (IOException e) {
      // No `go` on PATH: the binary may still be on PATH or named by the variable.
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running go env GOPATH", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot find a free loopback port", e);
    }
  }

  private static URI loopback(int port) {
    return URI.create("http://127.0.0.1:" + port);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for fake-gcs-server", e);
    }
  }
}
