package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of the run journal: how one entity's run went.
 *
 * @param runId the run
 * @param flow the flow
 * @param entity the entity
 * @param started when the entity's run started
 * @param ended when it ended
 * @param status {@code SUCCESS}, {@code FAILED}, {@code SKIPPED}, or {@code RESET} for a {@code
 *     hygge reset}
 * @param rows rows committed
 * @param bytes bytes committed
 * @param files files (or tables) committed
 * @param objects objects of a file home the run loaded, as the journal counts them
 * @param read what the run read, e.g. {@code updated_at > 2024-05-01T10:00}, or empty for all
 * @param watermarkBefore the watermark when the run started
 * @param watermarkAfter the watermark when it ended
 * @param errorKind the kind of error, when failed
 * @param error the error message, when failed
 */
public record RunRecord(
    String runId,
    String flow,
    String entity,
    Instant started,
    Instant ended,
    String status,
    long rows,
    long bytes,
    int files,
    int objects,
    Optional<String> read,
    Optional<String> watermarkBefore,
    Optional<String> watermarkAfter,
    Optional<String> errorKind,
    Optional<String> error) {
  public RunRecord {
    requireNonNull(runId, "runId is null");
    requireNonNull(flow, "flow is null");
    requireNonNull(entity, "entity is null");
    requireNonNull(started, "started is null");
    requireNonNull(ended, "ended is null");
    requireNonNull(status, "status is null");
    requireNonNull(read, "read is null");
    requireNonNull(watermarkBefore, "watermarkBefore is null");
    requireNonNull(watermarkAfter, "watermarkAfter is null");
    requireNonNull(errorKind, "errorKind is null");
    requireNonNull(error, "error is null");
  }

  /** The status of a line that records a {@code hygge reset} of the entity. */
  public static final String RESET = "RESET";

  /**
   * The line that records that {@code hygge reset} forgot an entity's state.
   *
   * @param watermarkBefore the watermark that was forgotten, when there was a readable one
   */
  public static RunRecord reset(
      String runId, EntityKey key, Instant at, Optional<String> watermarkBefore) {
    return new RunRecord(
        runId,
        key.flow(),
        key.entity(),
        at,
        at,
        RESET,
        0,
        0,
        0,
        0,
        Optional.empty(),
        watermarkBefore,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** {@code flow.entity}. */
  public String qualifiedName() {
    return flow + "." + entity;
  }
}
