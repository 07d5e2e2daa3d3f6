package dev.hygge.jdbc.duckdb;

import java.sql.SQLException;
import org.apache.arrow.vector.TimeMicroVector;
import org.duckdb.DuckDBAppender;

/** Appends a {@link TimeMicroVector}'s values (microseconds of the day) through the appender. */
final class TimeMicroAppenderColumn implements AppenderColumn {
  private final TimeMicroVector vector;

  TimeMicroAppenderColumn(TimeMicroVector vector) {
    this.vector = vector;
  }

  @Override
  public void append(DuckDBAppender appender, int row) throws SQLException {
    if (vector.isNull(row)) {
      appender.appendNull();
    } else {
      appender.appendDayMicros(vector.get(row));
    }
  }
}
