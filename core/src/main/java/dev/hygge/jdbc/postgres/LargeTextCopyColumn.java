package dev.hygge.jdbc.postgres;

import java.sql.SQLException;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.LargeVarCharVector;

/**
 * Encodes a {@link LargeVarCharVector} as PostgreSQL {@code text}, copied straight from the data
 * buffer; one value is at most a PostgreSQL field (1 GB), so its length fits an int.
 */
final class LargeTextCopyColumn implements CopyColumn {
  private static final long OFFSET_WIDTH = BaseLargeVariableWidthVector.OFFSET_WIDTH;

  private final LargeVarCharVector vector;

  LargeTextCopyColumn(LargeVarCharVector vector) {
    this.vector = vector;
  }

  @Override
  public void write(int row, CopyBuffer out) throws SQLException {
    if (vector.isNull(row)) {
      out.reserve(LENGTH_BYTES);
      out.putInt(NULL_LENGTH);
      return;
    }
    long start = vector.getOffsetBuffer().getLong((long) row * OFFSET_WIDTH);
    long end = vector.getOffsetBuffer().getLong((long) (row + 1) * OFFSET_WIDTH);
    int length = Math.toIntExact(end - start);
    out.reserve(LENGTH_BYTES + length);
    out.putInt(length);
    out.putBytes(vector.getDataBuffer(), start, length);
  }
}
