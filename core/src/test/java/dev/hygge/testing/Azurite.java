package dev.hygge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Azurite, Microsoft's Azure Storage emulator (Blob, Queue and Table), started as a Node.js
 * subprocess on free loopback ports with in-memory persistence, and stopped by {@link #close()}.
 * Azurite is found in {@code $HYGGE_AZURITE_HOME} or {@code ~/.cache/hygge/azurite} (where {@code
 * .ci/run} installs it); when it is missing, {@link #start()} fails saying how to install it. It
 * has no Data Lake (dfs) API.
 */
public final class Azurite implements AutoCloseable {
  /** Azurite's well-known account. */
  public static final String ACCOUNT = "devstoreaccount1";

  /** Azurite's well-known, published account key. */
  public static final String ACCOUNT_KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  /** The version {@code .ci/run} installs. */
  public static final String VERSION = "3.37.0";

  private static final String HOME_VARIABLE = "HYGGE_AZURITE_HOME";
  private static final Path ENTRY_POINT = Path.of("node_modules/azurite/dist/src/azurite.js");
  private static final String LOOPBACK = "127.0.0.1";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final long POLL_MILLIS = 50;

  private final Process process;
  private final Path workspace;
  private final int blobPort;
  private final int queuePort;

  private Azurite(Process process, Path workspace, int blobPort, int queuePort) {
    this.process = process;
    this.workspace = workspace;
    this.blobPort = blobPort;
    this.queuePort = queuePort;
  }

  /**
   * Starts Azurite and waits until its Blob and Queue ports accept connections.
   *
   * @throws AssertionError saying how to install Azurite when it is missing, or with its output
   *     when it does not start
   */
  public static Azurite start() {
    Path home = home();
    Path entryPoint = home.resolve(ENTRY_POINT);
    if (!Files.isRegularFile(entryPoint)) {
      throw new AssertionError(
          "Azurite is not installed in "
              + home
              + ": install it with 'npm install --prefix "
              + home
              + " azurite@"
              + VERSION
              + "' (as .ci/run does), or set "
              + HOME_VARIABLE
              + " to a directory where it is installed");
    }
    try {
      Path workspace = Files.createTempDirectory("hygge-azurite");
      Path log = workspace.resolve("azurite.log");
      int blobPort = freePort();
      int queuePort = freePort();
      int tablePort = freePort();
      List<String> command =
          List.of(
              "node",
              entryPoint.toString(),
              "--silent",
              "--disableTelemetry",
              "--inMemoryPersistence",
              "--skipApiVersionCheck",
              "--blobHost",
              LOOPBACK,
              "--blobPort",
              Integer.toString(blobPort),
              "--queueHost",
              LOOPBACK,
              "--queuePort",
              Integer.toString(queuePort),
              "--tableHost",
              LOOPBACK,
              "--tablePort",
              Integer.toString(tablePort));
      Process process =
          new ProcessBuilder(command)
              // In memory, Azurite writes nothing; the workspace holds only its output.
              .directory(workspace.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      Azurite azurite = new Azurite(process, workspace, blobPort, queuePort);
      azurite.awaitPorts(log, List.of(blobPort, queuePort, tablePort));
      return azurite;
    } catch (IOException e) {
      throw new AssertionError(
          "Cannot start Azurite with node (is Node.js 20 or newer on the PATH?): " + e, e);
    }
  }

  /** The Blob endpoint with the account as its first path segment. */
  public URI blobEndpoint() {
    return URI.create("http://" + LOOPBACK + ":" + blobPort + "/" + ACCOUNT);
  }

  /** The Queue endpoint with the account as its first path segment. */
  public URI queueEndpoint() {
    return URI.create("http://" + LOOPBACK + ":" + queuePort + "/" + ACCOUNT);
  }

  /** The Blob port alone, for tests that put a proxy in front of it. */
  public int blobPort() {
    return blobPort;
  }

  /** A connection string for the Blob and Queue endpoints and the well-known key. */
  public String connectionString() {
    return "DefaultEndpointsProtocol=http;AccountName="
        + ACCOUNT
        + ";AccountKey="
        + ACCOUNT_KEY
        + ";BlobEndpoint="
        + blobEndpoint()
        + ";QueueEndpoint="
        + queueEndpoint()
        + ";";
  }

  /** Stops Azurite and removes its workspace. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    try (var files = Files.walk(workspace)) {
      for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove Azurite's workspace " + workspace, e);
    }
  }

  private static Path home() {
    String configured = System.getenv(HOME_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "hygge", "azurite");
  }

  private void awaitPorts(Path log, List<Integer> ports) throws IOException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    for (int port : ports) {
      while (!accepts(port)) {
        if (!process.isAlive() || Instant.now().isAfter(deadline)) {
          String output = Files.exists(log) ? Files.readString(log) : "";
          close();
          throw new AssertionError(
              "Azurite did not start within "
                  + START_TIMEOUT
                  + " (port "
                  + port
                  + " not listening, process "
                  + (process.isAlive() ? "running" : "exited")
                  + "); its output:\n"
                  + output);
        }
        try {
          Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          close();
          throw new AssertionError("Interrupted while waiting for Azurite", e);
        }
      }
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(LOOPBACK, port), (int) POLL_MILLIS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return socket.getLocalPort();
    }
  }
}
