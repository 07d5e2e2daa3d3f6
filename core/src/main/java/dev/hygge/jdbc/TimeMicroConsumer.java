package dev.hygge.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeMicroVector;

/** Reads a {@code TIME} column into a {@link TimeMicroVector} (microseconds of the day). */
public final class TimeMicroConsumer implements ColumnConsumer {
  private static final long NANOS_PER_MICRO = 1_000L;

  private final TimeMicroVector vector;

  /** Fills {@code vector}, which must be a {@link TimeMicroVector}. */
  public TimeMicroConsumer(FieldVector vector) {
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
