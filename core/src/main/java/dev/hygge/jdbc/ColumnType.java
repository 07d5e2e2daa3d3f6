package dev.hygge.jdbc;

import static java.util.Objects.requireNonNull;

/**
 * A result-set column's SQL type, as the driver reports it.
 *
 * @param jdbcType the {@link java.sql.Types} code
 * @param typeName the database's own type name, e.g. {@code DECIMAL(12,2)} or {@code BIGINT}
 * @param precision the precision (decimals) or 0
 * @param scale the scale (decimals) or 0
 */
public record ColumnType(int jdbcType, String typeName, int precision, int scale) {
  public ColumnType {
    requireNonNull(typeName, "typeName is null");
  }
}
