package dev.hygge.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Copies one result-set column's current value into an Arrow vector; one class per type. */
@FunctionalInterface
public interface ColumnConsumer {

  /**
   * Reads {@code column} of the current row of {@code results} into the vector at {@code row}.
   *
   * @throws SQLException when the driver cannot produce the value
   */
  void consume(ResultSet results, int column, int row) throws SQLException;
}
