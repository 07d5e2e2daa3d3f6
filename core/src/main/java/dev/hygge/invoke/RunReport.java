package dev.hygge.invoke;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of one invocation: every selected entity with its status, rows, bytes, files,
 * duration and error.
 *
 * @param runId unique id of this run
 * @param started when the run started
 * @param duration wall time of the whole run
 * @param entities one report per selected entity, in selection order
 */
public record RunReport(
    String runId, Instant started, Duration duration, List<EntityReport> entities) {
  public RunReport {
    requireNonNull(runId, "runId is null");
    requireNonNull(started, "started is null");
    requireNonNull(duration, "duration is null");
    entities = List.copyOf(requireNonNull(entities, "entities is null"));
  }

  /** Whether every entity succeeded. */
  public boolean succeeded() {
    return entities.stream().allMatch(e -> e.status() == EntityStatus.SUCCESS);
  }

  /**
   * The entities a continuation must run again: stopped at the time budget ({@link
   * EntityStatus#INCOMPLETE}).
   */
  public List<EntityReport> incomplete() {
    return entities.stream().filter(e -> e.status() == EntityStatus.INCOMPLETE).toList();
  }

  /** Rows committed across all entities. */
  public long totalRows() {
    return entities.stream().mapToLong(EntityReport::rows).sum();
  }

  /** How many entities ended with this status. */
  public long count(EntityStatus status) {
    return entities.stream().filter(e -> e.status() == status).count();
  }
}
