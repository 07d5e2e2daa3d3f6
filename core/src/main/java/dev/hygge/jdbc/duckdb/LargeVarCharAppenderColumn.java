package dev.hygge.jdbc.duckdb;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.apache.arrow.vector.LargeVarCharVector;
import org.duckdb.DuckDBAppender;

/** Appends a {@link LargeVarCharVector}'s values through DuckDB's appender. */
final class LargeVarCharAppenderColumn implements AppenderColumn {
  private final LargeVarCharVector vector;

  LargeVarCharAppenderColumn(LargeVarCharVector vector) {
    this.vector = vector;
  }

  @Override
  public void append(DuckDBAppender appender, int row) throws SQLException {
    if (vector.isNull(row)) {
      appender.appendNull();
    } else {
      appender.append(new String(vector.get(row), StandardCharsets.UTF_8));
    }
  }
}
