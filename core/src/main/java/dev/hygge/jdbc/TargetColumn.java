package dev.hygge.jdbc;

import static java.util.Objects.requireNonNull;

/**
 * A column of an existing target table, as the database reports it.
 *
 * @param name the column name, exactly as stored
 * @param type its SQL type
 * @param nullable whether it accepts NULL
 */
public record TargetColumn(String name, ColumnType type, boolean nullable) {
  public TargetColumn {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
  }
}
