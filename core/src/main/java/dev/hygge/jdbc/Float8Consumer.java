package dev.hygge.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;

/** Reads a result-set column into a {@link Float8Vector}. */
public final class Float8Consumer implements ColumnConsumer {
  private final Float8Vector vector;

  /** Fills {@code vector}, which must be a {@link Float8Vector}. */
  public Float8Consumer(FieldVector vector) {
    this.vector = (Float8Vector) vector;
  }

  @Override
  public void consume(ResultSet results, int column, int row) throws SQLException {
    double value = results.getDouble(column);
    if (results.wasNull()) {
      vector.setNull(row);
    } else {
      vector.setSafe(row, value);
    }
  }
}
