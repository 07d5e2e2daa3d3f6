package dev.hygge.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;

/** Reads a result-set column into a {@link Float4Vector}. */
public final class Float4Consumer implements ColumnConsumer {
  private final Float4Vector vector;

  /** Fills {@code vector}, which must be a {@link Float4Vector}. */
  public Float4Consumer(FieldVector vector) {
    this.vector = (Float4Vector) vector;
  }

  @Override
  public void consume(ResultSet results, int column, int row) throws SQLException {
    float value = results.getFloat(column);
    if (results.wasNull()) {
      vector.setNull(row);
    } else {
      vector.setSafe(row, value);
    }
  }
}
