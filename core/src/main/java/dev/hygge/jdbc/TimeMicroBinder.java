package dev.hygge.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalTime;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeMicroVector;

/** Binds a {@link TimeMicroVector}'s values as {@link LocalTime}s. */
public final class TimeMicroBinder implements ColumnBinder {
  private static final long NANOS_PER_MICRO = 1_000L;

  private final TimeMicroVector vector;

  /** Binds values of {@code vector}, which must be a {@link TimeMicroVector}. */
  public TimeMicroBinder(FieldVector vector) {
    this.vector = (TimeMicroVector) vector;
  }

  @Override
  public void bind(PreparedStatement statement, int parameter, int row) throws SQLException {
    if (vector.isNull(row)) {
      statement.setNull(parameter, Types.TIME);
    } else {
      statement.setObject(parameter, LocalTime.ofNanoOfDay(vector.get(row) * NANOS_PER_MICRO));
    }
  }
}
