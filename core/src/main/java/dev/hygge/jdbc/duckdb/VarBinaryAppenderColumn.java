package dev.hygge.jdbc.duckdb;

import java.sql.SQLException;
import org.apache.arrow.vector.VarBinaryVector;
import org.duckdb.DuckDBAppender;

/** Appends a {@link VarBinaryVector}'s values through DuckDB's appender. */
final class VarBinaryAppenderColumn implements AppenderColumn {
  private final VarBinaryVector vector;

  VarBinaryAppenderColumn(VarBinaryVector vector) {
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
