package dev.hygge.jdbc.duckdb;

import java.sql.SQLException;
import org.apache.arrow.vector.BitVector;
import org.duckdb.DuckDBAppender;

/** Appends a {@link BitVector}'s values through DuckDB's appender. */
final class BitAppenderColumn implements AppenderColumn {
  private final BitVector vector;

  BitAppenderColumn(BitVector vector) {
    this.vector = vector;
  }

  @Override
  public void append(DuckDBAppender appender, int row) throws SQLException {
    if (vector.isNull(row)) {
      appender.appendNull();
    } else {
      appender.append(vector.get(row) != 0);
    }
  }
}
