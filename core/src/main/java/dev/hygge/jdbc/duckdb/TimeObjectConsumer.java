package dev.hygge.jdbc.duckdb;

import dev.hygge.jdbc.ColumnConsumer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeMicroVector;

/**
 * Reads a DuckDB {@code TIME} column into a {@link TimeMicroVector}. duckdb_jdbc returns a {@link
 * LocalTime} from {@code getObject(int)} but refuses {@code getObject(int, LocalTime.class)}.
 */
final class TimeObjectConsumer implements ColumnConsumer {
  private static final long NANOS_PER_MICRO = 1_000L;

  private final TimeMicroVector vector;

  TimeObjectConsumer(FieldVector vector) {
    this.vector = (TimeMicroVector) vector;
  }

  @Override
  public void consume(ResultSet results, int column, int row) throws SQLException {
    Object value = results.getObject(column);
    if (value == null) {
      vector.setNull(row);
    } else {
      vector.setSafe(row, ((LocalTime) value).toNanoOfDay() / NANOS_PER_MICRO);
    }
  }
}
