package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What an entity's state step saw, for the run journal.
 *
 * @param read the predicate or selection the run read with, empty for everything
 * @param watermarkBefore the watermark when the run started
 * @param watermarkAfter the watermark when it ended
 * @param objects objects of a file home the run loaded
 */
public record StepMarks(
    Optional<String> read,
    Optional<String> watermarkBefore,
    Optional<String> watermarkAfter,
    int objects) {
  /** Marks of a run that kept no state. */
  public static final StepMarks NONE =
      new StepMarks(Optional.empty(), Optional.empty(), Optional.empty(), 0);

  public StepMarks {
    requireNonNull(read, "read is null");
    requireNonNull(watermarkBefore, "watermarkBefore is null");
    requireNonNull(watermarkAfter, "watermarkAfter is null");
  }
}
