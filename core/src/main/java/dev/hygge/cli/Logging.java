package dev.hygge.cli;

/**
 * Sets up the CLI's log output (slf4j-simple on stderr) before the first logger is made. Lines
 * carry the thread name, which is the entity being moved ({@code [sales.orders]}), so parallel
 * entities' logs stay readable.
 */
final class Logging {
  private static final String PREFIX = "org.slf4j.simpleLogger.";

  private Logging() {}

  /** Warnings and errors only, or everything from hygge with {@code --verbose}. */
  static void configure(boolean verbose) {
    set("logFile", "System.err");
    set("showThreadName", "true");
    set("showLogName", "false");
    set("showShortLogName", "false");
    set("levelInBrackets", "false");
    set("defaultLogLevel", "warn");
    set("log.org.apache.hadoop", "error");
    set("log.org.apache.parquet", "error");
    if (verbose) {
      set("log.dev.hygge", "debug");
    } else {
      set("log.dev.hygge", "info");
    }
  }

  private static void set(String key, String value) {
    if (System.getProperty(PREFIX + key) == null) {
      System.setProperty(PREFIX + key, value);
    }
  }
}
