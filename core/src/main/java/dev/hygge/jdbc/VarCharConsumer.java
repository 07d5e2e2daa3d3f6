package dev.hygge.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/** Reads a result-set column into a {@link VarCharVector}. */
public final class VarCharConsumer implements ColumnConsumer {
  private final VarCharVector vector;

  /** Fills {@code vector}, which must be a {@link VarCharVector}. */
  public VarCharConsumer(FieldVector vector) {
    this.vector = (VarCharVector) vector;
  }

  @Override
  public void consume(ResultSet results, int column, int row) throws SQLException {
    String value = results.getString(column);
    if (value == null) {
      vector.setNull(row);
    } else {
      vector.setSafe(row, value.getBytes(StandardCharsets.UTF_8));
    }
  }
}
