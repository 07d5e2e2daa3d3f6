package dev.hygge.jdbc.sqlserver;

import java.util.function.IntToLongFunction;
import org.apache.arrow.vector.FieldVector;

/** Reads a time-of-day vector as ISO text ({@code HH:mm:ss.fffffff}) for {@code TIME(n)}. */
final class TimeBulkColumn implements BulkColumn {
  private final FieldVector vector;
  private final IntToLongFunction units;
  private final long nanosPerUnit;

  /**
   * @param units the time of day of a non-null row, in the vector's unit
   * @param nanosPerUnit nanoseconds in one unit
   */
  TimeBulkColumn(FieldVector vector, IntToLongFunction units, long nanosPerUnit) {
    this.vector = vector;
    this.units = units;
    this.nanosPerUnit = nanosPerUnit;
  }

  @Override
  public Object value(int row) {
    return vector.isNull(row) ? null : TemporalText.time(units.applyAsLong(row) * nanosPerUnit);
  }
}
