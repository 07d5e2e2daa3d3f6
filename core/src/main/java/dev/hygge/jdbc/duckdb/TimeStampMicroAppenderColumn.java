package dev.hygge.jdbc.duckdb;

import java.sql.SQLException;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.duckdb.DuckDBAppender;

/** Appends a {@link TimeStampMicroVector}'s values through DuckDB's appender. */
final class TimeStampMicroAppenderColumn implements AppenderColumn {
  private final TimeStampMicroVector vector;

  TimeStampMicroAppenderColumn(TimeStampMicroVector vector) {
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
