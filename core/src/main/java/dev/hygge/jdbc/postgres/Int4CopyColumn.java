package dev.hygge.jdbc.postgres;

import java.sql.SQLException;
import org.apache.arrow.vector.IntVector;

/** Encodes a {@link IntVector} as PostgreSQL {@code int4} in binary {@code COPY}. */
final class Int4CopyColumn implements CopyColumn {
  private static final int VALUE_BYTES = Integer.BYTES;

  private final IntVector vector;

  Int4CopyColumn(IntVector vector) {
    this.vector = vector;
  }

  @Override
  public void write(int row, CopyBuffer out) throws SQLException {
    out.reserve(LENGTH_BYTES + VALUE_BYTES);
    if (vector.isNull(row)) {
      out.putInt(NULL_LENGTH);
    } else {
      out.putInt(VALUE_BYTES);
      out.putInt(vector.get(row));
    }
  }
}
