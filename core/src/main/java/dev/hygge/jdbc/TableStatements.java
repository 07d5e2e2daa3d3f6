package dev.hygge.jdbc;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL a store runs against one target table and its staging table, quoted by the dialect.
 *
 * @param dialect quotes names
 * @param target the table the user sees
 * @param staging the table rows are staged in, in the target's schema
 * @param columns the column names, in order
 * @param sqlTypes the column types, in the same order
 */
public record TableStatements(
    Dialect dialect,
    TableName target,
    TableName staging,
    List<String> columns,
    List<String> sqlTypes) {
  public TableStatements {
    requireNonNull(dialect, "dialect is null");
    requireNonNull(target, "target is null");
    requireNonNull(staging, "staging is null");
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
    sqlTypes = List.copyOf(requireNonNull(sqlTypes, "sqlTypes is null"));
    if (columns.size() != sqlTypes.size()) {
      throw new IllegalArgumentException("columns and sqlTypes differ in length");
    }
  }

  /** {@code CREATE TABLE staging (...)}. */
  public String createStaging() {
    StringBuilder sql =
        new StringBuilder("CREATE TABLE ").append(dialect.quote(staging)).append(" (");
    for (int i = 0; i < columns.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(dialect.quote(columns.get(i))).append(' ');
      sql.append(sqlTypes.get(i));
    }
    return sql.append(')').toString();
  }

  /** {@code INSERT INTO staging (...) VALUES (?, ...)}. */
  public String insertStaging() {
    String parameters = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
    return "INSERT INTO "
        + dialect.quote(staging)
        + " ("
        + columnList()
        + ") VALUES ("
        + parameters
        + ")";
  }

  /** Copies every staged row into the target. */
  public String appendToTarget() {
    return "INSERT INTO "
        + dialect.quote(target)
        + " ("
        + columnList()
        + ") SELECT "
        + columnList()
        + " FROM "
        + dialect.quote(staging);
  }

  /** Renames the staging table to the target's name. */
  public String renameStagingToTarget() {
    return "ALTER TABLE " + dialect.quote(staging) + " RENAME TO " + dialect.quote(target.table());
  }

  /** Drops the target. */
  public String dropTarget() {
    return "DROP TABLE " + dialect.quote(target);
  }

  /** Drops the staging table if it exists. */
  public String dropStaging() {
    return "DROP TABLE IF EXISTS " + dialect.quote(staging);
  }

  /** One row of the target if it has any. */
  public String anyTargetRow() {
    return "SELECT 1 FROM " + dialect.quote(target) + " LIMIT 1";
  }

  private String columnList() {
    return columns.stream().map(dialect::quote).collect(Collectors.joining(", "));
  }
}
