package dev.hygge.flow;

import static java.util.Objects.requireNonNull;

import dev.hygge.state.EntityStateStep;
import java.time.Duration;
import java.time.Instant;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Decides, batch by batch, where a watermark entity's run stops under a time budget: before a batch
 * that could not be written in time (judged by the time per batch so far), and only at a boundary
 * between two watermark values, where everything written is strictly below each value of the next
 * batch. Until the value changes it keeps writing, so a continuation reading past the committed
 * watermark neither skips nor repeats a row. Used on the writer thread only.
 */
final class BudgetStop {
  private final TimeBudget budget;
  private final EntityStateStep state;
  private final Instant started;
  private long batches;

  /** Starts timing now: the time per batch includes the query's start. */
  BudgetStop(TimeBudget budget, EntityStateStep state) {
    this.budget = requireNonNull(budget, "budget is null");
    this.state = requireNonNull(state, "state is null");
    this.started = budget.clock().instant();
  }

  /**
   * Called after each batch written, with the next one read but not yet written: whether the run
   * stops before it.
   */
  boolean before(VectorSchemaRoot next) {
    batches++;
    Instant now = budget.clock().instant();
    Duration perBatch = Duration.between(started, now).dividedBy(batches);
    boolean outOfTime = now.plus(perBatch).isAfter(budget.stopBy());
    return outOfTime && state.endsBelow(next);
  }

  /** Batches written so far. */
  long batches() {
    return batches;
  }
}
