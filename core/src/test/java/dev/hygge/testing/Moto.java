package dev.hygge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A moto server ({@code moto_server}, AWS services emulated on loopback) in its own process, for
 * tests of Secrets Manager, SQS and the like. It is found through {@code HYGGE_MOTO_SERVER} (the
 * path of a {@code moto_server} executable) or in the venv {@code ~/.cache/hygge/moto-venv} that
 * {@code .ci/run} creates; when neither exists, {@link #start()} fails saying how to install it.
 * Close it to stop the server.
 */
public final class Moto implements AutoCloseable {
  /** The environment variable naming the {@code moto_server} executable. */
  public static final String SERVER_VARIABLE = "HYGGE_MOTO_SERVER";

  /** The pinned moto version, as {@code .ci/run} installs it. */
  public static final String VERSION = "5.2.5";

  /** The region clients should use; moto accepts any. */
  public static final String REGION = "us-east-1";

  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration STOP = Duration.ofSeconds(10);
  private static final String HOST = "127.0.0.1";

  private final Process process;
  private final URI endpoint;
  private final Path log;
  private final HttpClient http = HttpClient.newHttpClient();

  private Moto(Process process, URI endpoint, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
  }

  /**
   * Starts a server on a free loopback port and waits until it answers.
   *
   * @throws IllegalStateException when moto is not installed or does not start
   */
  public static Moto start() throws IOException, InterruptedException {
    Path server = server();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = Files.createTempFile("hygge-moto-", ".log");
    Process process =
        new ProcessBuilder(server.toString(), "-H", HOST, "-p", Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Moto moto = new Moto(process, URI.create("http://" + HOST + ":" + port), log);
    moto.awaitReady();
    return moto;
  }

  /** The server's URL, for an SDK client's endpoint override or {@code AWS_ENDPOINT_URL}. */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * The environment that points the AWS SDK's default chains at this server: endpoint, region and
   * dummy credentials.
   */
  public Map<String, String> environment() {
    return Map.of(
        "AWS_ENDPOINT_URL",
        endpoint.toString(),
        "AWS_REGION",
        REGION,
        "AWS_ACCESS_KEY_ID",
        "testing",
        "AWS_SECRET_ACCESS_KEY",
        "testing");
  }

  /** Forgets every resource created so far (moto's {@code /moto-api/reset}). */
  public void reset() throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("moto reset answered " + response.statusCode());
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    HttpRequest ping = HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).GET().build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "moto_server exited with " + process.exitValue() + ": " + Files.readString(log));
      }
      try {
        if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet: poll again.
      }
      Thread.sleep(POLL.toMillis());
    }
    close();
    throw new IllegalStateException(
        "moto_server did not answer at " + endpoint + " within " + STARTUP + ".");
  }

  private static Path server() {
    Optional<Path> given = Optional.ofNullable(System.getenv(SERVER_VARIABLE)).map(Path::of);
    Path venv =
        Path.of(
            System.getProperty("user.home"), ".cache", "hygge", "moto-venv", "bin", "moto_server");
    for (Path candidate : given.map(List::of).orElse(List.of(venv))) {
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "moto is not installed"
            + given.map(p -> " (" + SERVER_VARIABLE + "=" + p + " is not executable)").orElse("")
            + ". Install it with: python3 -m venv ~/.cache/hygge/moto-venv &&"
            + " ~/.cache/hygge/moto-venv/bin/pip install 'moto[server]=="
            + VERSION
            + "' (as .ci/run does), or set "
            + SERVER_VARIABLE
            + " to a moto_server executable.");
  }
}
