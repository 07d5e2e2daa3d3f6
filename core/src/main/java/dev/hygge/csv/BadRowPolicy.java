package dev.hygge.csv;

/** What a CSV home does with a row it cannot read ({@code on_bad_row}). */
public enum BadRowPolicy {
  /** Stop the run with an error naming the file, line and column. */
  FAIL,
  /** Append the row to the reject file and go on. */
  REJECT
}
