package dev.hygge.flow;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long an invocation may run (a cloud function's remaining time, less a margin): a run stops at
 * a safe boundary, after a commit, before it would pass {@code stopBy}, and reports the entities it
 * did not finish so a continuation takes the rest.
 *
 * <p>Incremental file entities commit every {@code objectsPerCommit} objects under a budget, each
 * commit advancing the processed-object journal, so an entity bigger than one invocation still
 * completes over several. Incremental watermark entities read in the order of the watermark column
 * and stop between two of its values when the next batch would end past {@code stopBy} (judged by
 * the time per batch so far), then commit and advance the watermark. Other entities are not split:
 * they run whole once started.
 *
 * @param stopBy no new commit starts, and no further batch of a watermark entity, when it would end
 *     after this instant
 * @param objectsPerCommit objects an incremental file entity loads per commit under this budget
 * @param clock what tells the time
 */
public record TimeBudget(Instant stopBy, int objectsPerCommit, Clock clock) {
  /** Objects per commit when the adapter does not say: small enough to stop often. */
  public static final int DEFAULT_OBJECTS_PER_COMMIT = 16;

  public TimeBudget {
    requireNonNull(stopBy, "stopBy is null");
    requireNonNull(clock, "clock is null");
    if (objectsPerCommit <= 0) {
      throw new IllegalArgumentException("objectsPerCommit must be positive: " + objectsPerCommit);
    }
  }

  /** A budget on the system clock. */
  public TimeBudget(Instant stopBy, int objectsPerCommit) {
    this(stopBy, objectsPerCommit, Clock.systemUTC());
  }

  /**
   * The budget of an invocation with {@code remaining} time left, keeping {@code margin} back for
   * the last commit to finish and the response to be sent.
   */
  public static TimeBudget remaining(Duration remaining, Duration margin) {
    return new TimeBudget(Instant.now().plus(remaining).minus(margin), DEFAULT_OBJECTS_PER_COMMIT);
  }

  /** Whether work expected to take {@code next} can still start now. */
  public boolean allows(Duration next) {
    return !clock.instant().plus(next).isAfter(stopBy);
  }
}
