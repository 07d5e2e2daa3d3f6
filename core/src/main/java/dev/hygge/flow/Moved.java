package dev.hygge.flow;

import static java.util.Objects.requireNonNull;

/**
 * What one move of an entity's rows committed.
 *
 * @param rows the rows committed
 * @param result what the store reported for the commit
 * @param stop whether the move read its home to the end or stopped early at the time budget
 */
record Moved(long rows, CommitResult result, Stop stop) {
  /** How a move ended. */
  enum Stop {
    /** Every row the home offered was committed. */
    END_OF_ROWS,
    /** Stopped at the time budget between two watermark values; a continuation takes the rest. */
    TIME_BUDGET
  }

  Moved {
    requireNonNull(result, "result is null");
    requireNonNull(stop, "stop is null");
    if (rows < 0) {
      throw new IllegalArgumentException("rows must not be negative: " + rows);
    }
  }

  /** A move that committed everything it read. */
  static Moved complete(long rows, CommitResult result) {
    return new Moved(rows, result, Stop.END_OF_ROWS);
  }
}
