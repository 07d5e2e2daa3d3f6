package dev.hygge.jdbc.sqlite;

import dev.hygge.jdbc.ColumnBinder;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeMicroVector;

/** Binds a {@link TimeMicroVector}'s values as text such as {@code 10:00:00.123456}. */
public final class TimeTextBinder implements ColumnBinder {
  /** The time of day with microseconds. */
  static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

  private static final long NANOS_PER_MICRO = 1_000L;

  private final TimeMicroVector vector;

  /** Binds values of {@code vector}, which must be a {@link TimeMicroVector}. */
  public TimeTextBinder(FieldVector vector) {
    this.vector = (TimeMicroVector) vector;
  }

  @Override
  public void bind(PreparedStatement statement, int parameter, int row) throws SQLException {
    if (vector.isNull(row)) {
      statement.setNull(parameter, Types.VARCHAR);
    } else {
      statement.setString(
          parameter, FORMAT.format(LocalTime.ofNanoOfDay(vector.get(row) * NANOS_PER_MICRO)));
    }
  }
}
