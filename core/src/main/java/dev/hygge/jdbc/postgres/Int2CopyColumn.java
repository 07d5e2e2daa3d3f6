package dev.hygge.jdbc.postgres;

import java.sql.SQLException;
import org.apache.arrow.vector.SmallIntVector;

/** Encodes a {@link SmallIntVector} as PostgreSQL {@code int2} in binary {@code COPY}. */
final class Int2CopyColumn implements CopyColumn {
  private static final int VALUE_BYTES = Short.BYTES;

  private final SmallIntVector vector;

  Int2CopyColumn(SmallIntVector vector) {
    this.vector = vector;
  }

  @Override
  public void write(int row, CopyBuffer out) throws SQLException {
    out.reserve(LENGTH_BYTES + VALUE_BYTES);
    if (vector.isNull(row)) {
      out.putInt(NULL_LENGTH);
    } else {
      out.putInt(VALUE_BYTES);
      out.putShort(vector.get(row));
    }
  }
}
