package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A run's claim on an entity: while it holds, no other run of the entity may start. It expires, so
 * a crashed run does not block the entity forever.
 *
 * @param runId the run holding the lease
 * @param acquired when it was taken
 * @param expires when it lapses unless renewed
 */
public record Lease(String runId, Instant acquired, Instant expires) {
  public Lease {
    requireNonNull(runId, "runId is null");
    requireNonNull(acquired, "acquired is null");
    requireNonNull(expires, "expires is null");
    if (expires.isBefore(acquired)) {
      throw new IllegalArgumentException("lease expires before it was acquired");
    }
  }

  /** Whether the lease still holds at {@code now}. */
  public boolean heldAt(Instant now) {
    return now.isBefore(expires);
  }
}
