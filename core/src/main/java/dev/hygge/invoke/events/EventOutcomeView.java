package dev.hygge.invoke.events;

import static java.util.Objects.requireNonNull;

import dev.hygge.invoke.Disposition;
import dev.hygge.invoke.ManualRun;
import dev.hygge.invoke.RunReportView;
import java.util.List;

/**
 * An {@link EventOutcome} in a JSON-friendly shape (plain strings, numbers, booleans and lists):
 * what {@code hygge invoke --event --json} prints and a function may return.
 *
 * @param shape the payload's shape
 * @param succeeded whether no delivery failed
 * @param failedIds the ids of failed deliveries, each once (SQS {@code batchItemFailures})
 * @param retryableIds the ids of failed deliveries a retry can help, each once
 * @param continuations the run messages that continue runs stopped at the time budget
 * @param deliveries one view per delivery, in payload order
 */
public record EventOutcomeView(
    String shape,
    boolean succeeded,
    List<String> failedIds,
    List<String> retryableIds,
    List<ManualRun> continuations,
    List<DeliveryView> deliveries) {
  public EventOutcomeView {
    requireNonNull(shape, "shape is null");
    failedIds = List.copyOf(requireNonNull(failedIds, "failedIds is null"));
    retryableIds = List.copyOf(requireNonNull(retryableIds, "retryableIds is null"));
    continuations = List.copyOf(requireNonNull(continuations, "continuations is null"));
    deliveries = List.copyOf(requireNonNull(deliveries, "deliveries is null"));
  }

  /** The view of an outcome. */
  public static EventOutcomeView of(EventOutcome outcome) {
    requireNonNull(outcome, "outcome is null");
    return new EventOutcomeView(
        outcome.shape(),
        outcome.succeeded(),
        List.copyOf(outcome.failedIds()),
        List.copyOf(outcome.retryableIds()),
        outcome.continuations(),
        outcome.results().stream().map(DeliveryView::of).toList());
  }

  /**
   * One delivery's outcome; absent parts are {@code null}.
   *
   * @param id the id the cloud acknowledges it by
   * @param subject what it was about
   * @param status {@code SUCCEEDED}, {@code INCOMPLETE}, {@code IGNORED} or {@code FAILED}
   * @param reason why it was ignored
   * @param errorKind the kind of error, when it failed
   * @param error the error message, when it failed
   * @param disposition {@code RETRYABLE} or {@code POISON}, when it failed
   * @param run the run's report, when it ran
   */
  public record DeliveryView(
      String id,
      String subject,
      DeliveryResult.DeliveryStatus status,
      String reason,
      String errorKind,
      String error,
      Disposition disposition,
      RunReportView run) {
    public DeliveryView {
      requireNonNull(id, "id is null");
      requireNonNull(subject, "subject is null");
      requireNonNull(status, "status is null");
    }

    /** The view of a delivery result. */
    public static DeliveryView of(DeliveryResult result) {
      requireNonNull(result, "result is null");
      return new DeliveryView(
          result.id(),
          result.subject(),
          result.status(),
          result.reason().orElse(null),
          result.failure().map(f -> f.kind().name()).orElse(null),
          result.failure().map(DeliveryResult.Failure::message).orElse(null),
          result.failure().map(DeliveryResult.Failure::disposition).orElse(null),
          result.report().map(RunReportView::of).orElse(null));
    }
  }
}
