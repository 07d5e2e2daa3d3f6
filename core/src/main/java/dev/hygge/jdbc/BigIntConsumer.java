package dev.hygge.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/** Reads a result-set column into a {@link BigIntVector}. */
public final class BigIntConsumer implements ColumnConsumer {
  private final BigIntVector vector;

  /** Fills {@code vector}, which must be a {@link BigIntVector}. */
  public BigIntConsumer(FieldVector vector) {
    this.vector = (BigIntVector) vector;
  }

  @Override
  public void consume(ResultSet results, int column, int row) throws SQLException {
    long value = results.getLong(column);
    if (results.wasNull()) {
      vector.setNull(row);
    } else {
      vector.setSafe(row, value);
    }
  }
}
