package dev.hygge.jdbc.postgres;

import java.sql.SQLException;
import org.apache.arrow.vector.DateDayVector;

/** Encodes a {@link DateDayVector} as PostgreSQL {@code date}: days since 2000-01-01. */
final class DateCopyColumn implements CopyColumn {
  /** Days from 1970-01-01 (Arrow's epoch) to 2000-01-01 (PostgreSQL's). */
  static final int EPOCH_SHIFT_DAYS = 10_957;

  private final DateDayVector vector;

  DateCopyColumn(DateDayVector vector) {
    this.vector = vector;
  }

  @Override
  public void write(int row, CopyBuffer out) throws SQLException {
    out.reserve(LENGTH_BYTES + Integer.BYTES);
    if (vector.isNull(row)) {
      out.putInt(NULL_LENGTH);
    } else {
      out.putInt(Integer.BYTES);
      out.putInt(vector.get(row) - EPOCH_SHIFT_DAYS);
    }
  }
}
