package dev.hygge.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;

/** Reads a result-set column into a {@link TinyIntVector}. */
public final class TinyIntConsumer implements ColumnConsumer {
  private final TinyIntVector vector;

  /** Fills {@code vector}, which must be a {@link TinyIntVector}. */
  public TinyIntConsumer(FieldVector vector) {
    this.vector = (TinyIntVector) vector;
  }

  @Override
  public void consume(ResultSet results, int column, int row) throws SQLException {
    byte value = results.getByte(column);
    if (results.wasNull()) {
      vector.setNull(row);
    } else {
      vector.setSafe(row, value);
    }
  }
}
