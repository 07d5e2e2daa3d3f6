package dev.hygge.jdbc.sqlserver;

import dev.hygge.jdbc.ColumnConsumer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeMicroVector;

/** Reads a {@code TIME(n)} column into a {@link TimeMicroVector}. */
final class TimeMicroConsumer implements ColumnConsumer {
  private static final long NANOS_PER_MICRO = 1_000L;

  private final TimeMicroVector vector;

  TimeMicroConsumer(FieldVector vector) {
    this.vector = (TimeMicroVector) vector;
  }

  @Override
  public void consume(ResultSet results, int column, int row) throws SQLException {
    LocalTime value = results.getObject(column, LocalTime.class);
    if (value == null) {
      vector.setNull(row);
    } else {
      vector.setSafe(row, value.toNanoOfDay() / NANOS_PER_MICRO);
    }
  }
}
