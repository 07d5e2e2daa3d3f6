package dev.hygge.jdbc.postgres;

import org.apache.arrow.vector.TimeStampVector;

/**
 * Decodes PostgreSQL {@code timestamp} and {@code timestamptz} (microseconds since 2000-01-01, UTC
 * for {@code timestamptz}) into a microsecond {@link TimeStampVector}.
 */
final class TimestampFieldReader implements CopyFieldReader {
  private final TimeStampVector vector;

  TimestampFieldReader(TimeStampVector vector) {
    this.vector = vector;
  }

  @Override
  public void read(CopyInput in, int length, int row) {
    vector.setSafe(row, in.readLong() + TimestampCopyColumn.EPOCH_SHIFT_MICROS);
  }

  @Override
  public void setNull(int row) {
    vector.setNull(row);
  }
}
