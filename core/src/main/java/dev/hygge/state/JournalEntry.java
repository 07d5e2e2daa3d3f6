package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One object a committed run loaded.
 *
 * @param object the object and the version loaded
 * @param runId the run that loaded it
 * @param loaded when that run committed
 */
public record JournalEntry(ObjectVersion object, String runId, Instant loaded) {
  public JournalEntry {
    requireNonNull(object, "object is null");
    requireNonNull(runId, "runId is null");
    requireNonNull(loaded, "loaded is null");
  }
}
