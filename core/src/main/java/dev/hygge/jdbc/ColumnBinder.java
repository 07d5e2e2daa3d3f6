package dev.hygge.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Sets one Arrow column's value at a row as a statement parameter; one class per Arrow type. */
@FunctionalInterface
public interface ColumnBinder {

  /**
   * Binds the value at {@code row} (or SQL NULL) to {@code parameter}.
   *
   * @throws SQLException when the driver rejects the value
   */
  void bind(PreparedStatement statement, int parameter, int row) throws SQLException;
}
