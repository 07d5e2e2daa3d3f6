package dev.hygge.jdbc.postgres;

import java.sql.SQLException;
import org.apache.arrow.vector.BitVector;

/**
 * Encodes a {@link BitVector} as PostgreSQL {@code bool} (one byte, 0 or 1) in binary {@code COPY}.
 */
final class BoolCopyColumn implements CopyColumn {
  private static final int VALUE_BYTES = 1;

  private final BitVector vector;

  BoolCopyColumn(BitVector vector) {
    this.vector = vector;
  }

  @Override
  public void write(int row, CopyBuffer out) throws SQLException {
    out.reserve(LENGTH_BYTES + VALUE_BYTES);
    if (vector.isNull(row)) {
      out.putInt(NULL_LENGTH);
    } else {
      out.putInt(VALUE_BYTES);
      out.putByte((byte) vector.get(row));
    }
  }
}
