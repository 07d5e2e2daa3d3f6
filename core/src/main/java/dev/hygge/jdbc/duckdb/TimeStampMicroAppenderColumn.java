package dev.hygge.jdbc.duckdb;

import java.sql.SQLException;
import org.apache.arrow.vector.TimeStampVector;
import org.duckdb.DuckDBAppender;

/**
 * Appends a microsecond {@link TimeStampVector}'s values, with or without zone, through DuckDB's
 * appender.
 */
final class TimeStampMicroAppenderColumn implements AppenderColumn {
  private final TimeStampVector vector;

  TimeStampMicroAppenderColumn(TimeStampVector vector) {
    this.vector = vector;
  }

  @Override
  public void append(DuckDBAppender appender, int row) throws SQLException {
    if (vector.isNull(row)) {
      appender.appendNull();
    } else {
      appender.appendEpochMicros(vector.get(row));
    }
  }
}
