package dev.hygge.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/** Reads a result-set column into a {@link IntVector}. */
public final class IntConsumer implements ColumnConsumer {
  private final IntVector vector;

  /** Fills {@code vector}, which must be a {@link IntVector}. */
  public IntConsumer(FieldVector vector) {
    this.vector = (IntVector) vector;
  }

  @Override
  public void consume(ResultSet results, int column, int row) throws SQLException {
    int value = results.getInt(column);
    if (results.wasNull()) {
      vector.setNull(row);
    } else {
      vector.setSafe(row, value);
    }
  }
}
