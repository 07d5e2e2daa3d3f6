package dev.hygge.jdbc.sqlserver;

import org.apache.arrow.vector.BaseIntVector;

/**
 * Reads an integer vector as {@link Short}s for SMALLINT (8- and 16-bit integers, unsigned 8-bit).
 */
final class ShortBulkColumn implements BulkColumn {
  private final BaseIntVector vector;

  ShortBulkColumn(BaseIntVector vector) {
    this.vector = vector;
  }

  @Override
  public Object value(int row) {
    return vector.isNull(row) ? null : Short.valueOf((short) vector.getValueAsLong(row));
  }
}
