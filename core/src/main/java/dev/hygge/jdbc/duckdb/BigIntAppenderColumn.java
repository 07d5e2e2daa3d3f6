package dev.hygge.jdbc.duckdb;

import java.sql.SQLException;
import org.apache.arrow.vector.BigIntVector;
import org.duckdb.DuckDBAppender;

/** Appends a {@link BigIntVector}'s values through DuckDB's appender. */
final class BigIntAppenderColumn implements AppenderColumn {
  private final BigIntVector vector;

  BigIntAppenderColumn(BigIntVector vector) {
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
