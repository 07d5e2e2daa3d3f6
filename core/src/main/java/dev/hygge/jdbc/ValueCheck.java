package dev.hygge.jdbc;

/** Finds the first value of one Arrow column that exceeds a {@link ValueLimit}; one per type. */
public interface ValueCheck {
  /** What {@link #firstViolation} returns when every value fits. */
  int NONE = -1;

  /** The first row below {@code rows} whose value does not fit, or {@link #NONE}. */
  int firstViolation(int rows);

  /** The value at {@code row} as text, for the message. */
  String value(int row);
}
