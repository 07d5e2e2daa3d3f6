package dev.hygge.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.SmallIntVector;

/** Reads a result-set column into a {@link SmallIntVector}. */
public final class SmallIntConsumer implements ColumnConsumer {
  private final SmallIntVector vector;

  /** Fills {@code vector}, which must be a {@link SmallIntVector}. */
  public SmallIntConsumer(FieldVector vector) {
    this.vector = (SmallIntVector) vector;
  }

  @Override
  public void consume(ResultSet results, int column, int row) throws SQLException {
    short value = results.getShort(column);
    if (results.wasNull()) {
      vector.setNull(row);
    } else {
      vector.setSafe(row, value);
    }
  }
}
