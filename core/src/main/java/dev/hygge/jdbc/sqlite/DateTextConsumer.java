package dev.hygge.jdbc.sqlite;

import dev.hygge.jdbc.ColumnConsumer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;

/** Reads ISO-8601 date text into a {@link DateDayVector}. */
public final class DateTextConsumer implements ColumnConsumer {
  private final DateDayVector vector;

  /** Fills {@code vector}, which must be a {@link DateDayVector}. */
  public DateTextConsumer(FieldVector vector) {
    this.vector = (DateDayVector) vector;
  }

  @Override
  public void consume(ResultSet results, int column, int row) throws SQLException {
    String text = results.getString(column);
    if (text == null) {
      vector.setNull(row);
    } else {
      vector.setSafe(row, (int) LocalDate.parse(text).toEpochDay());
    }
  }
}
