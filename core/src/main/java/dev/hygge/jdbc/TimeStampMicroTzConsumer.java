package dev.hygge.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;

/** Reads a timestamp-with-time-zone column into a UTC {@link TimeStampMicroTZVector}. */
public final class TimeStampMicroTzConsumer implements ColumnConsumer {
  /** The zone of the vectors this consumer fills: instants are read as UTC. */
  public static final String ZONE = "UTC";

  private final TimeStampMicroTZVector vector;

  /** Fills {@code vector}, which must be a {@link TimeStampMicroTZVector}. */
  public TimeStampMicroTzConsumer(FieldVector vector) {
    this.vector = (TimeStampMicroTZVector) vector;
  }

  @Override
  public void consume(ResultSet results, int column, int row) throws SQLException {
    OffsetDateTime value = results.getObject(column, OffsetDateTime.class);
    if (value == null) {
      vector.setNull(row);
    } else {
      vector.setSafe(
          row, TimestampMicros.of(value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()));
    }
  }
}
