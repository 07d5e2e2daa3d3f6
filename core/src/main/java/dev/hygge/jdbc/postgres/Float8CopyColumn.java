package dev.hygge.jdbc.postgres;

import java.sql.SQLException;
import org.apache.arrow.vector.Float8Vector;

/** Encodes a {@link Float8Vector} as PostgreSQL {@code float8} in binary {@code COPY}. */
final class Float8CopyColumn implements CopyColumn {
  private static final int VALUE_BYTES = Double.BYTES;

  private final Float8Vector vector;

  Float8CopyColumn(Float8Vector vector) {
    this.vector = vector;
  }

  @Override
  public void write(int row, CopyBuffer out) throws SQLException {
    out.reserve(LENGTH_BYTES + VALUE_BYTES);
    if (vector.isNull(row)) {
      out.putInt(NULL_LENGTH);
    } else {
      out.putInt(VALUE_BYTES);
      out.putDouble(vector.get(row));
    }
  }
}
