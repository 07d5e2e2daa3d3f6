package dev.hygge.jdbc.postgres;

import java.sql.SQLException;
import org.apache.arrow.vector.TinyIntVector;

/** Encodes a {@link TinyIntVector} as PostgreSQL {@code int2}, widened in binary {@code COPY}. */
final class TinyIntCopyColumn implements CopyColumn {
  private static final int VALUE_BYTES = Short.BYTES;

  private final TinyIntVector vector;

  TinyIntCopyColumn(TinyIntVector vector) {
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
