package dev.hygge.jdbc;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A table, optionally in a schema, named as the user wrote it (unquoted).
 *
 * @param schema the schema, when given as {@code schema.table}
 * @param table the table
 */
public record TableName(Optional<String> schema, String table) {
  public TableName {
    requireNonNull(schema, "schema is null");
    requireNonNull(table, "table is null");
    if (table.isEmpty() || schema.filter(String::isEmpty).isPresent()) {
      throw new IllegalArgumentException("table and schema names must not be empty");
    }
  }

  /**
   * Parses {@code table} or {@code schema.table}; a name with more dots keeps them in the table.
   */
  public static TableName parse(String text) {
    requireNonNull(text, "text is null");
    int dot = text.indexOf('.');
    if (dot <= 0 || dot == text.length() - 1) {
      return new TableName(Optional.empty(), text);
    }
    return new TableName(Optional.of(text.substring(0, dot)), text.substring(dot + 1));
  }

  /** The same schema with another table name. */
  public TableName withTable(String otherTable) {
    return new TableName(schema, otherTable);
  }

  @Override
  public String toString() {
    return schema.map(s -> s + "." + table).orElse(table);
  }
}
