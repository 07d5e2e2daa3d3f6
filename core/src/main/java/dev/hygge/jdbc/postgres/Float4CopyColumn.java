package dev.hygge.jdbc.postgres;

import java.sql.SQLException;
import org.apache.arrow.vector.Float4Vector;

/** Encodes a {@link Float4Vector} as PostgreSQL {@code float4} in binary {@code COPY}. */
final class Float4CopyColumn implements CopyColumn {
  private static final int VALUE_BYTES = Float.BYTES;

  private final Float4Vector vector;

  Float4CopyColumn(Float4Vector vector) {
    this.vector = vector;
  }

  @Override
  public void write(int row, CopyBuffer out) throws SQLException {
    out.reserve(LENGTH_BYTES + VALUE_BYTES);
    if (vector.isNull(row)) {
      out.putInt(NULL_LENGTH);
    } else {
      out.putInt(VALUE_BYTES);
      out.putFloat(vector.get(row));
    }
  }
}
