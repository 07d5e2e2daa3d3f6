package dev.hygge.functions.gcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/** The shared test project of core's test jar, for this module, and its Quarkus test profile. */
final class SalesProject {
  /** This module's project. */
  static final dev.hygge.testing.SalesProject PROJECT =
      new dev.hygge.testing.SalesProject("functions-gcp");

  /** The rows of the project's {@code orders.csv}. */
  static final int ORDER_ROWS = dev.hygge.testing.SalesProject.ORDER_ROWS;

  /**
   * The JVM-wide property holding the invoker's port, so that every class loader Quarkus loads the
   * profile in agrees on one port.
   */
  private static final String PORT_PROPERTY = "hygge.test.functions-gcp.port";

  private SalesProject() {}

  /**
   * The port the Functions Framework invoker listens on in these tests: a free one, not Quarkus's
   * default 8081, which other modules' tests (the Lambda mock event server) may hold at the same
   * time.
   */
  static String invokerPort() {
    return freePort(PORT_PROPERTY);
  }

  /**
   * A free loopback port, chosen once per JVM and kept in the system property {@code property}, so
   * that every class loader Quarkus loads a profile in agrees on it.
   */
  static synchronized String freePort(String property) {
    String port = System.getProperty(property);
    if (port == null) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = Integer.toString(socket.getLocalPort());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot find a free loopback port", e);
      }
      System.setProperty(property, port);
    }
    return port;
  }

  /** Points {@code hygge.project} at the project directory and the invoker at its port. */
  public static final class Profile implements io.quarkus.test.junit.QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "hygge.project", PROJECT.dir().toString(), "quarkus.http.test-port", invokerPort());
    }
  }
}
