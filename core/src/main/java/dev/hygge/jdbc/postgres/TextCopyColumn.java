package dev.hygge.jdbc.postgres;

import java.sql.SQLException;
import org.apache.arrow.vector.VarCharVector;

/**
 * Encodes a {@link VarCharVector} as PostgreSQL {@code text} (UTF-8 bytes as stored), copied
 * straight from the data buffer.
 */
final class TextCopyColumn implements CopyColumn {
  private final VarCharVector vector;

  TextCopyColumn(VarCharVector vector) {
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
