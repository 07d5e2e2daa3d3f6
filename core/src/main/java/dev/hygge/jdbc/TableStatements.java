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

  private static final String SWAPPED_OUT_SUFFIX = "_old";

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
    return insertFromStaging(columns);
  }

  /** Copies {@code names}, staged columns, of every staged row into the target's same columns. */
  public String insertFromStaging(List<String> names) {
    String list = names.stream().map(dialect::quote).collect(Collectors.joining(", "));
    return "INSERT INTO "
        + dialect.quote(target)
        + " ("
        + list
        + ") SELECT "
        + list
        + " FROM "
        + dialect.quote(staging);
  }

  /**
   * Upserts {@code names} of every staged row into the target: a row whose {@code key} columns
   * match an existing row updates it, other rows are added. The {@code WHERE true} keeps SQLite
   * from reading {@code ON CONFLICT} as a join clause.
   */
  public String upsertFromStaging(List<String> names, List<String> key) {
    String list = names.stream().map(dialect::quote).collect(Collectors.joining(", "));
    String updates =
        names.stream()
            .filter(n -> !key.contains(n))
            .map(n -> dialect.quote(n) + " = EXCLUDED." + dialect.quote(n))
            .collect(Collectors.joining(", "));
    return "INSERT INTO "
        + dialect.quote(target)
        + " ("
        + list
        + ") SELECT "
        + list
        + " FROM "
        + dialect.quote(staging)
        + " WHERE true ON CONFLICT ("
        + key.stream().map(dialect::quote).collect(Collectors.joining(", "))
        + ") DO "
        + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + updates);
  }

  /** {@code CREATE TABLE target (...)} with the staged columns and {@code key} as primary key. */
  public String createTargetWithKey(List<String> key) {
    StringBuilder sql =
        new StringBuilder("CREATE TABLE ").append(dialect.quote(target)).append(" (");
    for (int i = 0; i < columns.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(dialect.quote(columns.get(i))).append(' ');
      sql.append(sqlTypes.get(i));
    }
    sql.append(", PRIMARY KEY (");
    sql.append(key.stream().map(dialect::quote).collect(Collectors.joining(", ")));
    return sql.append("))").toString();
  }

  /** Adds a nullable column to the target. */
  public String addTargetColumn(String name, String sqlType) {
    return "ALTER TABLE "
        + dialect.quote(target)
        + " ADD COLUMN "
        + dialect.quote(name)
        + " "
        + sqlType;
  }

  /** Deletes every row of the target, keeping its definition. */
  public String deleteTargetRows() {
    return "DELETE FROM " + dialect.quote(target);
  }

  /** The name the target is renamed to while a swap replaces it, beside the staging table. */
  public TableName swappedOut() {
    return staging.withTable(staging.table() + SWAPPED_OUT_SUFFIX);
  }

  /** Renames the target out of the way, to {@link #swappedOut()}. */
  public String renameTargetOut() {
    return "ALTER TABLE "
        + dialect.quote(target)
        + " RENAME TO "
        + dialect.quote(swappedOut().table());
  }

  /** Drops the table the target was renamed to. */
  public String dropSwappedOut() {
    return "DROP TABLE " + dialect.quote(swappedOut());
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
