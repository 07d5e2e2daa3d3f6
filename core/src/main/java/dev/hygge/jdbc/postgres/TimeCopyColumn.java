package dev.hygge.jdbc.postgres;

import java.sql.SQLException;
import org.apache.arrow.vector.TimeMicroVector;

/** Encodes a {@link TimeMicroVector} as PostgreSQL {@code time}: microseconds since midnight. */
final class TimeCopyColumn implements CopyColumn {
  private final TimeMicroVector vector;

  TimeCopyColumn(TimeMicroVector vector) {
    this.vector = vector;
  }

  @Override
  public void write(int row, CopyBuffer out) throws SQLException {
    out.reserve(LENGTH_BYTES + Long.BYTES);
    if (vector.isNull(row)) {
      out.putInt(NULL_LENGTH);
    } else {
      out.putInt(Long.BYTES);
      out.putLong(vector.get(row));
    }
  }
}
