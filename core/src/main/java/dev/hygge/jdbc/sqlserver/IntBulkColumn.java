package dev.hygge.jdbc.sqlserver;

import org.apache.arrow.vector.BaseIntVector;

/** Reads an integer vector as {@link Integer}s for INT (32-bit integers, unsigned 16-bit). */
final class IntBulkColumn implements BulkColumn {
  private final BaseIntVector vector;

  IntBulkColumn(BaseIntVector vector) {
    this.vector = vector;
  }

  @Override
  public Object value(int row) {
    return vector.isNull(row) ? null : Integer.valueOf((int) vector.getValueAsLong(row));
  }
}
