package dev.hygge.jdbc.postgres;

import java.sql.SQLException;
import org.apache.arrow.vector.BigIntVector;

/** Encodes a {@link BigIntVector} as PostgreSQL {@code int8} in binary {@code COPY}. */
final class Int8CopyColumn implements CopyColumn {
  private static final int VALUE_BYTES = Long.BYTES;

  private final BigIntVector vector;

  Int8CopyColumn(BigIntVector vector) {
    this.vector = vector;
  }

  @Override
  public void write(int row, CopyBuffer out) throws SQLException {
    out.reserve(LENGTH_BYTES + VALUE_BYTES);
    if (vector.isNull(row)) {
      out.putInt(NULL_LENGTH);
    } else {
      out.putInt(VALUE_BYTES);
      out.putLong(vector.get(row));
    }
  }
}
