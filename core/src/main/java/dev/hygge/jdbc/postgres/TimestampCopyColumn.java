package dev.hygge.jdbc.postgres;

import java.sql.SQLException;
import org.apache.arrow.vector.TimeStampVector;

/**
 * Encodes a microsecond {@link TimeStampVector} as PostgreSQL {@code timestamp} or {@code
 * timestamptz}, which share their binary form: microseconds since 2000-01-01 00:00 (UTC for {@code
 * timestamptz}).
 */
final class TimestampCopyColumn implements CopyColumn {
  /** Microseconds from 1970-01-01 (Arrow's epoch) to 2000-01-01 (PostgreSQL's). */
  static final long EPOCH_SHIFT_MICROS = DateCopyColumn.EPOCH_SHIFT_DAYS * 86_400_000_000L;

  private final TimeStampVector vector;

  TimestampCopyColumn(TimeStampVector vector) {
    this.vector = vector;
  }

  @Override
  public void write(int row, CopyBuffer out) throws SQLException {
    out.reserve(LENGTH_BYTES + Long.BYTES);
    if (vector.isNull(row)) {
      out.putInt(NULL_LENGTH);
    } else {
      out.putInt(Long.BYTES);
      out.putLong(vector.get(row) - EPOCH_SHIFT_MICROS);
    }
  }
}
