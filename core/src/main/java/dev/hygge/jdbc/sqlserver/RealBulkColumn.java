package dev.hygge.jdbc.sqlserver;

import org.apache.arrow.vector.Float4Vector;

/** Reads a {@link Float4Vector} as {@link Float}s for {@code REAL}. */
final class RealBulkColumn implements BulkColumn {
  private final Float4Vector vector;

  RealBulkColumn(Float4Vector vector) {
    this.vector = vector;
  }

  @Override
  public Object value(int row) {
    return vector.isNull(row) ? null : Float.valueOf(vector.get(row));
  }
}
