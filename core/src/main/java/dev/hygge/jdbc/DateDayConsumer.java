package dev.hygge.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;

/** Reads a result-set column into a {@link DateDayVector}. */
public final class DateDayConsumer implements ColumnConsumer {
  private final DateDayVector vector;

  /** Fills {@code vector}, which must be a {@link DateDayVector}. */
  public DateDayConsumer(FieldVector vector) {
    this.vector = (DateDayVector) vector;
  }

  @Override
  public void consume(ResultSet results, int column, int row) throws SQLException {
    LocalDate value = results.getObject(column, LocalDate.class);
    if (value == null) {
      vector.setNull(row);
    } else {
      vector.setSafe(row, (int) value.toEpochDay());
    }
  }
}
