package dev.hygge.jdbc.sqlserver;

import java.sql.SQLException;

/** Loads every row of a bulk-data source into the staging table over one connection. */
@FunctionalInterface
interface BulkLoader {

  /**
   * Reads {@code data} to its end and loads every row.
   *
   * @throws SQLException when the server rejects the load
   */
  void load(ArrowBulkData data) throws SQLException;
}
