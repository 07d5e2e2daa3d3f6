package dev.hygge.jdbc.duckdb;

import java.sql.SQLException;
import org.apache.arrow.vector.Float4Vector;
import org.duckdb.DuckDBAppender;

/** Appends a {@link Float4Vector}'s values through DuckDB's appender. */
final class Float4AppenderColumn implements AppenderColumn {
  private final Float4Vector vector;

  Float4AppenderColumn(Float4Vector vector) {
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
