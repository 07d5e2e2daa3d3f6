package dev.hygge.jdbc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/** Reads a result-set column into a {@link DecimalVector}. */
public final class DecimalConsumer implements ColumnConsumer {
  private final DecimalVector vector;

  /** Fills {@code vector}, which must be a {@link DecimalVector}. */
  public DecimalConsumer(FieldVector vector) {
    this.vector = (DecimalVector) vector;
  }

  @Override
  public void consume(ResultSet results, int column, int row) throws SQLException {
    BigDecimal value = results.getBigDecimal(column);
    if (value == null) {
      vector.setNull(row);
    } else {
      vector.setSafe(row, value.setScale(vector.getScale(), RoundingMode.UNNECESSARY));
    }
  }
}
