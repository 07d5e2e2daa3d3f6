package dev.hygge.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/** Reads a result-set column into a {@link BitVector}. */
public final class BitConsumer implements ColumnConsumer {
  private final BitVector vector;

  /** Fills {@code vector}, which must be a {@link BitVector}. */
  public BitConsumer(FieldVector vector) {
    this.vector = (BitVector) vector;
  }

  @Override
  public void consume(ResultSet results, int column, int row) throws SQLException {
    boolean value = results.getBoolean(column);
    if (results.wasNull()) {
      vector.setNull(row);
    } else {
      vector.setSafe(row, value ? 1 : 0);
    }
  }
}
