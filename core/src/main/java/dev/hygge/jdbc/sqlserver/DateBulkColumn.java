package dev.hygge.jdbc.sqlserver;

import java.util.function.IntToLongFunction;
import org.apache.arrow.vector.FieldVector;

/** Reads a date vector as ISO text ({@code yyyy-MM-dd}) for {@code DATE}. */
final class DateBulkColumn implements BulkColumn {
  private final FieldVector vector;
  private final IntToLongFunction epochDay;

  /**
   * @param epochDay the days since 1970-01-01 of a non-null row of {@code vector}
   */
  DateBulkColumn(FieldVector vector, IntToLongFunction epochDay) {
    this.vector = vector;
    this.epochDay = epochDay;
  }

  @Override
  public Object value(int row) {
    return vector.isNull(row) ? null : TemporalText.date(epochDay.applyAsLong(row));
  }
}
