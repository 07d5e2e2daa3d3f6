package dev.hygge.jdbc.duckdb;

import java.sql.SQLException;
import org.apache.arrow.vector.IntVector;
import org.duckdb.DuckDBAppender;

/** Appends a {@link IntVector}'s values through DuckDB's appender. */
final class IntAppenderColumn implements AppenderColumn {
  private final IntVector vector;

  IntAppenderColumn(IntVector vector) {
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
