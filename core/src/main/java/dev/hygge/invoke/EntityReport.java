package dev.hygge.invoke;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of one entity's run.
 *
 * @param flow the flow's name
 * @param entity the entity's name
 * @param status how it ended
 * @param rows rows committed (0 unless SUCCESS)
 * @param bytes bytes committed to the store
 * @param files files (or tables) committed to the store
 * @param duration wall time of the entity's run
 * @param errorKind the kind of error, when FAILED
 * @param error the error message, when FAILED
 * @param retryable when FAILED, whether running it again can help (a held lease, a conflict, an
 *     unknown outcome, a transient failure of a service); see {@link Disposition}
 */
public record EntityReport(
    String flow,
    String entity,
    EntityStatus status,
    long rows,
    long bytes,
    int files,
    Duration duration,
    Optional<ErrorKind> errorKind,
    Optional<String> error,
    boolean retryable) {
  public EntityReport {
    requireNonNull(flow, "flow is null");
    requireNonNull(entity, "entity is null");
    requireNonNull(status, "status is null");
    requireNonNull(duration, "duration is null");
    requireNonNull(errorKind, "errorKind is null");
    requireNonNull(error, "error is null");
    if (status == EntityStatus.FAILED && error.isEmpty()) {
      throw new IllegalArgumentException("a failed entity needs an error");
    }
    if (retryable && status != EntityStatus.FAILED) {
      throw new IllegalArgumentException("only a failed entity is retryable");
    }
  }

  /** A report whose retryability follows from its error kind alone ({@link Disposition#of}). */
  public EntityReport(
      String flow,
      String entity,
      EntityStatus status,
      long rows,
      long bytes,
      int files,
      Duration duration,
      Optional<ErrorKind> errorKind,
      Optional<String> error) {
    this(
        flow,
        entity,
        status,
        rows,
        bytes,
        files,
        duration,
        errorKind,
        error,
        status == EntityStatus.FAILED
            && Disposition.of(errorKind.orElse(ErrorKind.INTERNAL)) == Disposition.RETRYABLE);
  }

  /** {@code flow.entity}. */
  public String qualifiedName() {
    return flow + "." + entity;
  }
}
