package dev.hygge.jdbc.sqlite;

import dev.hygge.jdbc.ColumnBinder;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;

/** Binds a {@link DateDayVector}'s values as ISO-8601 text ({@code 2024-01-31}). */
public final class DateTextBinder implements ColumnBinder {
  private final DateDayVector vector;

  /** Binds values of {@code vector}, which must be a {@link DateDayVector}. */
  public DateTextBinder(FieldVector vector) {
    this.vector = (DateDayVector) vector;
  }

  @Override
  public void bind(PreparedStatement statement, int parameter, int row) throws SQLException {
    if (vector.isNull(row)) {
      statement.setNull(parameter, Types.VARCHAR);
    } else {
      statement.setString(parameter, LocalDate.ofEpochDay(vector.get(row)).toString());
    }
  }
}
