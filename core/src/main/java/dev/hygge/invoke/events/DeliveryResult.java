package dev.hygge.invoke.events;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.invoke.Disposition;
import dev.hygge.invoke.EntityReport;
import dev.hygge.invoke.ManualRun;
import dev.hygge.invoke.RunReport;
import java.util.List;
import java.util.Optional;

/**
 * How one delivery ended.
 *
 * @param id the id the cloud acknowledges the delivery by
 * @param subject what the delivery was about (an object, a run of a flow)
 * @param status how it ended
 * @param report the run's report, when it ran
 * @param failure why it failed, when it failed
 * @param reason why nothing ran, when it was ignored
 */
public record DeliveryResult(
    String id,
    String subject,
    DeliveryStatus status,
    Optional<RunReport> report,
    Optional<Failure> failure,
    Optional<String> reason) {
  public DeliveryResult {
    requireNonNull(id, "id is null");
    requireNonNull(subject, "subject is null");
    requireNonNull(status, "status is null");
    requireNonNull(report, "report is null");
    requireNonNull(failure, "failure is null");
    requireNonNull(reason, "reason is null");
    if ((status == DeliveryStatus.FAILED) != failure.isPresent()) {
      throw new IllegalArgumentException("a failure is given exactly when the delivery failed");
    }
  }

  /**
   * The run messages that continue what this delivery's run left at the time budget, one per
   * incomplete entity; empty unless the status is INCOMPLETE.
   */
  public List<ManualRun> continuations() {
    return report
        .map(r -> r.incomplete().stream().map(DeliveryResult::continuation).toList())
        .orElse(List.of());
  }

  private static ManualRun continuation(EntityReport entity) {
    return new ManualRun(entity.flow(), entity.entity());
  }

  /** Whether the delivery failed and a retry can help. */
  public boolean retryable() {
    return failure.map(f -> f.disposition() == Disposition.RETRYABLE).orElse(false);
  }

  /** How a delivery ended. */
  public enum DeliveryStatus {
    /** It ran and every entity it selected succeeded (possibly loading nothing new). */
    SUCCEEDED,
    /**
     * It ran up to the invocation's time budget and kept what it committed; a continuation (one run
     * message per {@link DeliveryResult#continuations() incomplete entity}) takes the rest.
     */
    INCOMPLETE,
    /**
     * A schedule for a whole flow sent one run message per entity to the fan-out queue (its reason
     * says how many, and where); each entity runs in its own invocation.
     */
    FANNED_OUT,
    /** It asked for nothing hygge does (a deleted blob, a test event). */
    IGNORED,
    /** It was malformed, or its run failed. */
    FAILED
  }

  /**
   * Why a delivery failed.
   *
   * @param kind the kind of the (first) error
   * @param message the error, written for the user
   * @param disposition whether a retry can help
   */
  public record Failure(ErrorKind kind, String message, Disposition disposition) {
    public Failure {
      requireNonNull(kind, "kind is null");
      requireNonNull(message, "message is null");
      requireNonNull(disposition, "disposition is null");
    }
  }
}
