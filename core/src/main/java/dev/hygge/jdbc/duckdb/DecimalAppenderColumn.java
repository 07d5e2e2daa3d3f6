package dev.hygge.jdbc.duckdb;

import java.sql.SQLException;
import org.apache.arrow.vector.DecimalVector;
import org.duckdb.DuckDBAppender;

/** Appends a {@link DecimalVector}'s values through DuckDB's appender. */
final class DecimalAppenderColumn implements AppenderColumn {
  private final DecimalVector vector;

  DecimalAppenderColumn(DecimalVector vector) {
    this.vector = vector;
  }

  @Override
  public void append(DuckDBAppender appender, int row) throws SQLException {
    if (vector.isNull(row)) {
      appender.appendNull();
    } else {
      appender.append(vector.getObject(row));
    }
  }
}
