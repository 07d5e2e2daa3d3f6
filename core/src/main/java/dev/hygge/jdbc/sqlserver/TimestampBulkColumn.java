package dev.hygge.jdbc.sqlserver;

import org.apache.arrow.vector.TimeStampVector;

/**
 * Reads a timestamp vector as ISO text: wall-clock time for {@code DATETIME2(n)}, or the UTC
 * instant with a {@code +00:00} offset for {@code DATETIMEOFFSET(n)}.
 */
final class TimestampBulkColumn implements BulkColumn {
  private final TimeStampVector vector;
  private final long nanosPerUnit;
  private final boolean zoned;

  TimestampBulkColumn(TimeStampVector vector, long nanosPerUnit, boolean zoned) {
    this.vector = vector;
    this.nanosPerUnit = nanosPerUnit;
    this.zoned = zoned;
  }

  @Override
  public Object value(int row) {
    if (vector.isNull(row)) {
      return null;
    }
    String text = TemporalText.dateTime(vector.get(row), nanosPerUnit);
    return zoned ? text + TemporalText.UTC_OFFSET : text;
  }
}
