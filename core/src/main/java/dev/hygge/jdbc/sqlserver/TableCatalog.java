package dev.hygge.jdbc.sqlserver;

import dev.hygge.jdbc.TableName;
import java.sql.SQLException;
import java.util.List;

/**
 * What a SQL Server store reads about its target table; {@link SqlServerCatalog} asks the server.
 */
interface TableCatalog {

  /**
   * Whether {@code table} exists as a user table.
   *
   * @throws SQLException when the catalog cannot be read
   */
  boolean exists(TableName table) throws SQLException;

  /**
   * The columns of {@code table} this login can see, in table order; empty when there are none.
   *
   * @throws SQLException when the catalog cannot be read
   */
  List<SqlServerColumn> columns(TableName table) throws SQLException;

  /**
   * The code page of the database's default collation, which new {@code VARCHAR} columns get.
   *
   * @throws SQLException when it cannot be read
   */
  int defaultCodePage() throws SQLException;
}
