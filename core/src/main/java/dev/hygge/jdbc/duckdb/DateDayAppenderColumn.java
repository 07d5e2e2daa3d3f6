package dev.hygge.jdbc.duckdb;

import java.sql.SQLException;
import org.apache.arrow.vector.DateDayVector;
import org.duckdb.DuckDBAppender;

/** Appends a {@link DateDayVector}'s values through DuckDB's appender. */
final class DateDayAppenderColumn implements AppenderColumn {
  private final DateDayVector vector;

  DateDayAppenderColumn(DateDayVector vector) {
    this.vector = vector;
  }

  @Override
  public void append(DuckDBAppender appender, int row) throws SQLException {
    if (vector.isNull(row)) {
      appender.appendNull();
    } else {
      appender.appendEpochDays(vector.get(row));
    }
  }
}
