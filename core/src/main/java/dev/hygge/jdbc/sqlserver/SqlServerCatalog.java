package dev.hygge.jdbc.sqlserver;

import static java.util.Objects.requireNonNull;

import dev.hygge.jdbc.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a SQL Server store needs to know about an existing table from {@code
 * INFORMATION_SCHEMA.COLUMNS}, and the code page new {@code VARCHAR} columns get, over one
 * connection the caller owns.
 */
final class SqlServerCatalog implements TableCatalog {
  /**
   * One row per column of a table, in table order; the schema is the caller's default when the
   * first parameter is NULL. Lengths, digits and code page are 0 where they do not apply.
   */
  static final String COLUMNS =
      "SELECT COLUMN_NAME, DATA_TYPE, COALESCE(CHARACTER_MAXIMUM_LENGTH, 0),"
          + " COALESCE(NUMERIC_PRECISION, 0), COALESCE(NUMERIC_SCALE, DATETIME_PRECISION, 0),"
          + " IS_NULLABLE,"
          + " COALESCE(CONVERT(int, COLLATIONPROPERTY(COLLATION_NAME, 'CodePage')), 0)"
          + " FROM INFORMATION_SCHEMA.COLUMNS"
          + " WHERE TABLE_SCHEMA = COALESCE(?, SCHEMA_NAME()) AND TABLE_NAME = ?"
          + " ORDER BY ORDINAL_POSITION";

  /** The code page of the database's default collation, which new text columns get. */
  static final String DEFAULT_CODE_PAGE =
      "SELECT COALESCE(CONVERT(int, COLLATIONPROPERTY(CONVERT(nvarchar(128),"
          + " DATABASEPROPERTYEX(DB_NAME(), 'Collation')), 'CodePage')), 0)";

  private static final String NULLABLE = "YES";

  private final Connection connection;
  private final SqlServerDialect dialect;

  /**
   * @param connection the connection to read over, owned by the caller
   * @param dialect quotes table names
   */
  SqlServerCatalog(Connection connection, SqlServerDialect dialect) {
    this.connection = requireNonNull(connection, "connection is null");
    this.dialect = requireNonNull(dialect, "dialect is null");
  }

  @Override
  public boolean exists(TableName table) throws SQLException {
    return dialect.tableExists(connection, table);
  }

  @Override
  public List<SqlServerColumn> columns(TableName table) throws SQLException {
    requireNonNull(table, "table is null");
    List<SqlServerColumn> columns = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(COLUMNS)) {
      query.setString(1, table.schema().orElse(null));
      query.setString(2, table.table());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          columns.add(
              new SqlServerColumn(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getInt(3),
                  rows.getInt(4),
                  rows.getInt(5),
                  NULLABLE.equalsIgnoreCase(rows.getString(6)),
                  rows.getInt(7)));
        }
      }
    }
    return columns;
  }

  @Override
  public int defaultCodePage() throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(DEFAULT_CODE_PAGE);
        ResultSet row = query.executeQuery()) {
      return row.next() ? row.getInt(1) : CodePage.NONE;
    }
  }
}
