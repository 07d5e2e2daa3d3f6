package dev.hygge.jdbc.duckdb;

import java.sql.SQLException;
import org.apache.arrow.vector.SmallIntVector;
import org.duckdb.DuckDBAppender;

/** Appends a {@link SmallIntVector}'s values through DuckDB's appender. */
final class SmallIntAppenderColumn implements AppenderColumn {
  private final SmallIntVector vector;

  SmallIntAppenderColumn(SmallIntVector vector) {
    this.vector = vector;
  }

  @Override
  public void append(DuckDBAppender appender, int row) throws SQLException {
    if (vector.isNull(row)) {
      appender.appendNull();
    } else {
      appender.append(vector.get(row));
    }
  }
}
