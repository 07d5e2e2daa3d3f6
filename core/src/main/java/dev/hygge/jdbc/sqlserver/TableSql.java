package dev.hygge.jdbc.sqlserver;

import static java.util.Objects.requireNonNull;

import dev.hygge.jdbc.TableName;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The T-SQL a SQL Server store runs against its target table and staging table, quoted.
 *
 * @param dialect quotes names and literals
 * @param target the table the user sees
 * @param staging where rows are bulk-loaded, in the target's schema
 * @param columns the column names, in order
 * @param types the column types, in the same order
 */
public record TableSql(
    SqlServerDialect dialect,
    TableName target,
    TableName staging,
    List<String> columns,
    List<SqlServerType> types) {
  public TableSql {
    requireNonNull(dialect, "dialect is null");
    requireNonNull(target, "target is null");
    requireNonNull(staging, "staging is null");
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
    types = List.copyOf(requireNonNull(types, "types is null"));
    if (columns.size() != types.size() || columns.isEmpty()) {
      throw new IllegalArgumentException("columns and types must be non-empty and equally long");
    }
  }

  /** {@code CREATE TABLE} of the staging table, text and binary columns unbounded. */
  public String createStaging() {
    return createTable(staging, types.stream().map(SqlServerType::stagingDdl).toList());
  }

  /** {@code CREATE TABLE table (...)} with the given column types. */
  public String createTable(TableName table, List<String> ddl) {
    if (ddl.size() != columns.size()) {
      throw new IllegalArgumentException("one type per column expected");
    }
    StringBuilder sql =
        new StringBuilder("CREATE TABLE ").append(dialect.quote(table)).append(" (");
    for (int i = 0; i < columns.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(dialect.quote(columns.get(i))).append(' ');
      sql.append(ddl.get(i));
    }
    return sql.append(')').toString();
  }

  /** Copies every staged row into {@code table}, under a table lock. */
  public String insertFromStaging(TableName table) {
    return "INSERT INTO "
        + dialect.quote(table)
        + " WITH (TABLOCK) ("
        + columnList("")
        + ") SELECT "
        + columnList("")
        + " FROM "
        + dialect.quote(staging);
  }

  /** Empties the target, inside the transaction (T-SQL {@code TRUNCATE} is transactional). */
  public String truncateTarget() {
    return "TRUNCATE TABLE " + dialect.quote(target);
  }

  /** Renames {@code table} to {@code newName}, in the same schema. */
  public String rename(TableName table, String newName) {
    return "EXEC sp_rename "
        + dialect.literal(dialect.quote(table))
        + ", "
        + dialect.literal(newName)
        + ", N'OBJECT'";
  }

  /**
   * One {@code MERGE} of staging into the target keyed by {@code keys}: matching rows are updated,
   * others inserted. {@code HOLDLOCK} keeps concurrent writers from inserting the same key twice.
   */
  public String merge(List<String> keys) {
    if (keys.isEmpty() || !columns.containsAll(keys)) {
      throw new IllegalArgumentException("merge keys must be columns: " + keys);
    }
    String on =
        keys.stream()
            .map(k -> "t." + dialect.quote(k) + " = s." + dialect.quote(k))
            .collect(Collectors.joining(" AND "));
    String updates =
        columns.stream()
            .filter(c -> !keys.contains(c))
            .map(c -> "t." + dialect.quote(c) + " = s." + dialect.quote(c))
            .collect(Collectors.joining(", "));
    return "MERGE INTO "
        + dialect.quote(target)
        + " WITH (HOLDLOCK) AS t USING "
        + dialect.quote(staging)
        + " AS s ON "
        + on
        + (updates.isEmpty() ? "" : " WHEN MATCHED THEN UPDATE SET " + updates)
        + " WHEN NOT MATCHED BY TARGET THEN INSERT ("
        + columnList("")
        + ") VALUES ("
        + columnList("s.")
        + ");";
  }

  /** Adds column {@code name} of type {@code ddl} to the target, accepting NULL. */
  public String addColumn(String name, String ddl) {
    if (!columns.contains(name)) {
      throw new IllegalArgumentException("not a column of the data: " + name);
    }
    return "ALTER TABLE "
        + dialect.quote(target)
        + " ADD "
        + dialect.quote(name)
        + " "
        + ddl
        + " NULL";
  }

  /** Drops {@code table} if it exists. */
  public String drop(TableName table) {
    return "DROP TABLE IF EXISTS " + dialect.quote(table);
  }

  /** One row of the target if it has any. */
  public String anyTargetRow() {
    return "SELECT TOP (1) 1 FROM " + dialect.quote(target);
  }

  private String columnList(String prefix) {
    return columns.stream().map(c -> prefix + dialect.quote(c)).collect(Collectors.joining(", "));
  }
}
