package dev.hygge.jdbc.duckdb;

import java.sql.SQLException;
import org.apache.arrow.vector.Float8Vector;
import org.duckdb.DuckDBAppender;

/** Appends a {@link Float8Vector}'s values through DuckDB's appender. */
final class Float8AppenderColumn implements AppenderColumn {
  private final Float8Vector vector;

  Float8AppenderColumn(Float8Vector vector) {
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
