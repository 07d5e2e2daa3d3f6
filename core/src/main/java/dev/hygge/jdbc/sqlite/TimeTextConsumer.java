package dev.hygge.jdbc.sqlite;

import dev.hygge.jdbc.ColumnConsumer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeMicroVector;

/** Reads time-of-day text into a {@link TimeMicroVector} (microseconds of the day). */
public final class TimeTextConsumer implements ColumnConsumer {
  private static final long NANOS_PER_MICRO = 1_000L;

  private final TimeMicroVector vector;

  /** Fills {@code vector}, which must be a {@link TimeMicroVector}. */
  public TimeTextConsumer(FieldVector vector) {
    this.vector = (TimeMicroVector) vector;
  }

  @Override
  public void consume(ResultSet results, int column, int row) throws SQLException {
    String text = results.getString(column);
    if (text == null) {
      vector.setNull(row);
    } else {
      vector.setSafe(row, LocalTime.parse(text).toNanoOfDay() / NANOS_PER_MICRO);
    }
  }
}
