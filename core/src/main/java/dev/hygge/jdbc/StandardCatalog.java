package dev.hygge.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what a store needs to know about existing schemas and tables through {@code
 * information_schema} and the JDBC metadata, which most databases provide.
 */
public final class StandardCatalog {
  private static final String NOT_NULLABLE = "NO";

  private final Dialect dialect;

  /** A catalog quoting names with {@code dialect}. */
  public StandardCatalog(Dialect dialect) {
    this.dialect = requireNonNull(dialect, "dialect is null");
  }

  /** Whether {@code information_schema.schemata} lists {@code schema}. */
  public boolean schemaExists(Connection connection, String schema) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?")) {
      query.setString(1, schema);
      try (ResultSet count = query.executeQuery()) {
        return count.next() && count.getLong(1) > 0;
      }
    }
  }

  /**
   * The columns of {@code table}: names and types from an empty query's result metadata, which
   * every driver reports the way its home reads them, and nullability from {@code notNull}.
   */
  public List<TargetColumn> columns(Connection connection, TableName table, Set<String> notNull)
      throws SQLException {
    List<TargetColumn> columns = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet empty =
            statement.executeQuery("SELECT * FROM " + dialect.quote(table) + " WHERE 1 = 0")) {
      ResultSetMetaData meta = empty.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        String name = meta.getColumnName(i);
        ColumnType type =
            new ColumnType(
                meta.getColumnType(i),
                meta.getColumnTypeName(i),
                meta.getPrecision(i),
                meta.getScale(i));
        columns.add(new TargetColumn(name, type, !notNull.contains(name)));
      }
    }
    return columns;
  }

  /** The names of {@code table}'s NOT NULL columns, from {@code information_schema.columns}. */
  public Set<String> notNullColumns(Connection connection, TableName table) throws SQLException {
    Set<String> names = new HashSet<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT column_name, is_nullable FROM information_schema.columns"
                + " WHERE table_schema = coalesce(?, current_schema()) AND table_name = ?")) {
      query.setString(1, table.schema().orElse(null));
      query.setString(2, table.table());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          if (NOT_NULLABLE.equalsIgnoreCase(rows.getString(2))) {
            names.add(rows.getString(1));
          }
        }
      }
    }
    return names;
  }

  /**
   * The primary key and the unique indexes without a predicate, each once, of {@code table}, from
   * the JDBC metadata.
   */
  public List<Set<String>> uniqueKeys(Connection connection, TableName table) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String schema = table.schema().orElse(connection.getSchema());
    List<Set<String>> keys = new ArrayList<>();
    Set<String> primary = new LinkedHashSet<>();
    try (ResultSet rows = meta.getPrimaryKeys(null, schema, table.table())) {
      while (rows.next()) {
        primary.add(rows.getString("COLUMN_NAME"));
      }
    }
    if (!primary.isEmpty()) {
      keys.add(primary);
    }
    Map<String, Set<String>> indexes = new LinkedHashMap<>();
    try (ResultSet rows = meta.getIndexInfo(null, schema, table.table(), true, true)) {
      while (rows.next()) {
        String index = rows.getString("INDEX_NAME");
        String column = rows.getString("COLUMN_NAME");
        if (index != null && column != null && rows.getString("FILTER_CONDITION") == null) {
          indexes.computeIfAbsent(index, i -> new LinkedHashSet<>()).add(column);
        }
      }
    }
    // The primary key's own index is listed again among the unique indexes.
    indexes.values().stream().filter(key -> !keys.contains(key)).forEach(keys::add);
    return keys;
  }
}
