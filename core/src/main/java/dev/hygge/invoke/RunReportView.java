package dev.hygge.invoke;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A {@link RunReport} in a JSON-friendly shape (plain strings, numbers and lists, no {@code
 * Optional} or {@code Duration}): what every function returns for a run.
 *
 * @param runId unique id of the run
 * @param succeeded whether every entity succeeded
 * @param entities one view per selected entity, in selection order
 */
public record RunReportView(String runId, boolean succeeded, List<EntityView> entities) {
  public RunReportView {
    requireNonNull(runId, "runId is null");
    entities = List.copyOf(requireNonNull(entities, "entities is null"));
  }

  /** The view of a report. */
  public static RunReportView of(RunReport report) {
    requireNonNull(report, "report is null");
    return new RunReportView(
        report.runId(),
        report.succeeded(),
        report.entities().stream().map(EntityView::of).toList());
  }

  /**
   * One entity's outcome.
   *
   * @param flow the flow's name
   * @param entity the entity's name
   * @param status how it ended
   * @param rows rows committed
   * @param bytes bytes committed to the store
   * @param files files (or tables) committed to the store
   * @param durationMillis wall time of the entity's run in milliseconds
   * @param errorKind the kind of error ({@code CONFIG}, {@code HOME}, ...), {@code null} unless the
   *     entity failed
   * @param error the error message, {@code null} unless the entity failed
   * @param retryable whether running the entity again can help, when it failed
   */
  public record EntityView(
      String flow,
      String entity,
      EntityStatus status,
      long rows,
      long bytes,
      int files,
      long durationMillis,
      String errorKind,
      String error,
      boolean retryable) {
    public EntityView {
      requireNonNull(flow, "flow is null");
      requireNonNull(entity, "entity is null");
      requireNonNull(status, "status is null");
    }

    /** The view of an entity report. */
    public static EntityView of(EntityReport report) {
      requireNonNull(report, "report is null");
      return new EntityView(
          report.flow(),
          report.entity(),
          report.status(),
          report.rows(),
          report.bytes(),
          report.files(),
          report.duration().toMillis(),
          report.errorKind().map(Enum::name).orElse(null),
          report.error().orElse(null),
          report.retryable());
    }
  }
}
