package dev.hygge.jdbc.duckdb;

import java.sql.SQLException;
import org.apache.arrow.vector.TinyIntVector;
import org.duckdb.DuckDBAppender;

/** Appends a {@link TinyIntVector}'s values through DuckDB's appender. */
final class TinyIntAppenderColumn implements AppenderColumn {
  private final TinyIntVector vector;

  TinyIntAppenderColumn(TinyIntVector vector) {
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
