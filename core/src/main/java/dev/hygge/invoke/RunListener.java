package dev.hygge.invoke;

/**
 * Receives progress of a run, for live display. Called from worker threads: implementations must be
 * thread-safe and quick.
 */
public interface RunListener {

  /** A listener that ignores everything. */
  RunListener NONE = new RunListener() {};

  /** An entity started moving data. */
  default void entityStarted(String flow, String entity, String from, String to) {}

  /** An entity has moved this many rows and staged this many bytes so far. */
  default void progress(String flow, String entity, long rows, long bytes) {}

  /** An entity finished (successfully or not). */
  default void entityFinished(EntityReport report) {}
}
