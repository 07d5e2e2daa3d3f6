package dev.hygge.state;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test hook: with the system property {@value #HALT_AFTER_COMMIT} set to an entity's {@code
 * flow.entity}, the JVM halts right after that entity's store committed and before its state
 * advanced, as a crash there would. Tests start {@code hygge} in a subprocess with it to show that
 * the next run repeats the window.
 */
final class CrashPoint {
  /** The system property naming the entity to halt after. */
  static final String HALT_AFTER_COMMIT = "hygge.test.halt-after-commit";

  /** The exit status of the halted JVM. */
  static final int HALT_STATUS = 86;

  private static final Logger LOG = LoggerFactory.getLogger(CrashPoint.class);

  private CrashPoint() {}

  /** Halts the JVM if the property names this entity. */
  static void afterCommit(EntityKey key) {
    if (key.qualifiedName().equals(System.getProperty(HALT_AFTER_COMMIT))) {
      LOG.warn("Halting after the commit of {} ({} is set)", key, HALT_AFTER_COMMIT);
      Runtime.getRuntime().halt(HALT_STATUS);
    }
  }
}
