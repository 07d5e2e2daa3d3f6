package dev.hygge.jdbc.sqlserver;

import org.apache.arrow.vector.BaseIntVector;

/** Reads an integer vector as {@link Long}s for BIGINT (64-bit integers, unsigned 32-bit). */
final class LongBulkColumn implements BulkColumn {
  private final BaseIntVector vector;

  LongBulkColumn(BaseIntVector vector) {
    this.vector = vector;
  }

  @Override
  public Object value(int row) {
    return vector.isNull(row) ? null : Long.valueOf((long) vector.getValueAsLong(row));
  }
}
