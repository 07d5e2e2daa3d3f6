package dev.hygge.jdbc.sqlserver;

import dev.hygge.jdbc.ColumnBinder;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.arrow.vector.FieldVector;

/**
 * Binds the value a {@link BulkColumn} reads as a statement parameter, so a plain prepared {@code
 * INSERT} writes exactly what bulk copy would.
 */
final class BulkColumnBinder implements ColumnBinder {
  private final BulkColumn column;

  BulkColumnBinder(FieldVector vector) {
    this.column = BulkColumn.of(vector);
  }

  @Override
  public void bind(PreparedStatement statement, int parameter, int row) throws SQLException {
    statement.setObject(parameter, column.value(row));
  }
}
