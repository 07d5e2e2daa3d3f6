package dev.hygge.jdbc.sqlserver;

import org.apache.arrow.vector.DecimalVector;

/** Reads a {@link DecimalVector} as {@link java.math.BigDecimal}s for {@code DECIMAL(p,s)}. */
final class DecimalBulkColumn implements BulkColumn {
  private final DecimalVector vector;

  DecimalBulkColumn(DecimalVector vector) {
    this.vector = vector;
  }

  @Override
  public Object value(int row) {
    return vector.getObject(row);
  }
}
