package dev.hygge.jdbc;

import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;

/** Checks an integer vector's values against a range. */
final class IntegerRangeCheck implements ValueCheck {
  private final FieldVector vector;
  private final BaseIntVector integers;
  private final long min;
  private final long max;

  IntegerRangeCheck(FieldVector vector, BaseIntVector integers, long min, long max) {
    this.vector = vector;
    this.integers = integers;
    this.min = min;
    this.max = max;
  }

  @Override
  public int firstViolation(int rows) {
    for (int row = 0; row < rows; row++) {
      if (!vector.isNull(row)) {
        long value = integers.getValueAsLong(row);
        if (value < min || value > max) {
          return row;
        }
      }
    }
    return NONE;
  }

  @Override
  public String value(int row) {
    return Long.toString(integers.getValueAsLong(row));
  }
}
