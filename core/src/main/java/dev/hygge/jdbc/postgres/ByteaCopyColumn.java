package dev.hygge.jdbc.postgres;

import java.sql.SQLException;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * Encodes a {@link VarBinaryVector} as PostgreSQL {@code bytea} (the raw bytes), copied straight
 * from the data buffer.
 */
final class ByteaCopyColumn implements CopyColumn {
  private final VarBinaryVector vector;

  ByteaCopyColumn(VarBinaryVector vector) {
    this.vector = vector;
  }

  @Override
  public void write(int row, CopyBuffer out) throws SQLException {
    if (vector.isNull(row)) {
      out.reserve(LENGTH_BYTES);
      out.putInt(NULL_LENGTH);
      return;
    }
    long start = vector.getStartOffset(row);
    int length = (int) (vector.getEndOffset(row) - start);
    out.reserve(LENGTH_BYTES + length);
    out.putInt(length);
    out.putBytes(vector.getDataBuffer(), start, length);
  }
}
