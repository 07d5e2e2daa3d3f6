package dev.hygge.invoke;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.state.StateConflictException;
import dev.hygge.state.StateOutcomeUnknownException;
import dev.hygge.storage.WriteOutcomeUnknownException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;

/**
 * What a cloud should do with a failed delivery: deliver it again (a retry can help) or treat it as
 * poison (a retry fails the same way, so it goes to the dead-letter queue at once).
 */
public enum Disposition {
  /**
   * A retry can help: the entity's lease is held by another run, state changed underneath, a
   * write's outcome is unknown, or a store, state or home failed transiently.
   */
  RETRYABLE,
  /**
   * A retry fails the same way: a malformed payload, an object or entity nobody reads, invalid
   * configuration or credentials, or a home whose data cannot be read (a corrupt file).
   */
  POISON;

  /**
   * The disposition of a failure thrown while running a delivery: retryable whenever its cause
   * chain shows a transient failure (a dropped or refused connection, a timeout, a transient SQL
   * error), whatever its kind (a remote project that could not be fetched, a token endpoint that
   * did not answer, a home that dropped the connection); otherwise by its kind.
   */
  public static Disposition of(Throwable failure) {
    if (!(failure instanceof HyggeException hygge)) {
      return POISON;
    }
    if (hygge instanceof StateConflictException
        || hygge instanceof StateOutcomeUnknownException
        || hygge instanceof WriteOutcomeUnknownException) {
      return RETRYABLE;
    }
    if (transientCause(hygge)) {
      return RETRYABLE;
    }
    return of(hygge.kind());
  }

  /**
   * The disposition of a failure when only its kind is known: STATE and STORE failures are retried
   * (a held lease, a conflict, an unknown outcome, a throttled or unavailable store); CONFIG,
   * CREDENTIAL, HOME and INTERNAL failures are poison. {@link #of(Throwable)} knows more, and the
   * flow records its answer in each failed entity's report.
   */
  public static Disposition of(ErrorKind kind) {
    return switch (kind) {
      case STATE, STORE -> RETRYABLE;
      case CONFIG, CREDENTIAL, HOME, INTERNAL -> POISON;
    };
  }

  private static boolean transientCause(Throwable failure) {
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof SocketException
          || cause instanceof SocketTimeoutException
          || cause instanceof TimeoutException
          || cause instanceof SQLTransientException) {
        return true;
      }
    }
    return false;
  }
}
