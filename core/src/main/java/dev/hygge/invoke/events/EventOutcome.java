package dev.hygge.invoke.events;

import static java.util.Objects.requireNonNull;

import dev.hygge.invoke.ManualRun;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What running an event payload did: one result per delivery, in payload order.
 *
 * @param shape the payload's shape, e.g. {@code SQS message batch}
 * @param results one result per delivery
 */
public record EventOutcome(String shape, List<DeliveryResult> results) {
  public EventOutcome {
    requireNonNull(shape, "shape is null");
    results = List.copyOf(requireNonNull(results, "results is null"));
  }

  /** Whether no delivery failed. */
  public boolean succeeded() {
    return results.stream().noneMatch(r -> r.status() == DeliveryResult.DeliveryStatus.FAILED);
  }

  /** The ids of failed deliveries, each once, in payload order (SQS {@code batchItemFailures}). */
  public Set<String> failedIds() {
    Set<String> ids = new LinkedHashSet<>();
    results.stream()
        .filter(r -> r.status() == DeliveryResult.DeliveryStatus.FAILED)
        .forEach(r -> ids.add(r.id()));
    return ids;
  }

  /** The ids of failed deliveries a retry can help, each once, in payload order. */
  public Set<String> retryableIds() {
    Set<String> ids = new LinkedHashSet<>();
    results.stream().filter(DeliveryResult::retryable).forEach(r -> ids.add(r.id()));
    return ids;
  }

  /**
   * The run messages that continue what runs left at the time budget, each once, in payload order:
   * an adapter sends them to its fan-out queue.
   */
  public List<ManualRun> continuations() {
    return results.stream().flatMap(r -> r.continuations().stream()).distinct().toList();
  }

  /** Whether some delivery failed and a retry can help it. */
  public boolean retryable() {
    return results.stream().anyMatch(DeliveryResult::retryable);
  }
}
