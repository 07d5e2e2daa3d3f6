package dev.hygge.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;

/** Binds a {@link DateDayVector}'s values as statement parameters. */
public final class DateDayBinder implements ColumnBinder {
  private final DateDayVector vector;

  /** Binds values of {@code vector}, which must be a {@link DateDayVector}. */
  public DateDayBinder(FieldVector vector) {
    this.vector = (DateDayVector) vector;
  }

  @Override
  public void bind(PreparedStatement statement, int parameter, int row) throws SQLException {
    if (vector.isNull(row)) {
      statement.setNull(parameter, Types.DATE);
    } else {
      statement.setObject(parameter, LocalDate.ofEpochDay(vector.get(row)));
    }
  }
}
