package dev.hygge.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;

/** Reads a result-set column into a {@link VarBinaryVector}. */
public final class VarBinaryConsumer implements ColumnConsumer {
  private final VarBinaryVector vector;

  /** Fills {@code vector}, which must be a {@link VarBinaryVector}. */
  public VarBinaryConsumer(FieldVector vector) {
    this.vector = (VarBinaryVector) vector;
  }

  @Override
  public void consume(ResultSet results, int column, int row) throws SQLException {
    byte[] value = results.getBytes(column);
    if (value == null) {
      vector.setNull(row);
    } else {
      vector.setSafe(row, value);
    }
  }
}
