package dev.hygge.jdbc.sqlserver;

import org.apache.arrow.vector.BitVector;

/** Reads a {@link BitVector} as {@link Boolean}s for {@code BIT}. */
final class BitBulkColumn implements BulkColumn {
  private final BitVector vector;

  BitBulkColumn(BitVector vector) {
    this.vector = vector;
  }

  @Override
  public Object value(int row) {
    return vector.isNull(row) ? null : Boolean.valueOf(vector.get(row) != 0);
  }
}
