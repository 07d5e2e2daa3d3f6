package dev.hygge.jdbc.sqlserver;

import org.apache.arrow.vector.Float8Vector;

/** Reads a {@link Float8Vector} as {@link Double}s for {@code FLOAT}. */
final class FloatBulkColumn implements BulkColumn {
  private final Float8Vector vector;

  FloatBulkColumn(Float8Vector vector) {
    this.vector = vector;
  }

  @Override
  public Object value(int row) {
    return vector.isNull(row) ? null : Double.valueOf(vector.get(row));
  }
}
