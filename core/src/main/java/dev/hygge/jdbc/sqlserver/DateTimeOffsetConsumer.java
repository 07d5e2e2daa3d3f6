package dev.hygge.jdbc.sqlserver;

import dev.hygge.jdbc.ColumnConsumer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;

/** Reads a {@code DATETIMEOFFSET(n)} column as UTC microseconds. */
final class DateTimeOffsetConsumer implements ColumnConsumer {
  private final TimeStampMicroTZVector vector;

  DateTimeOffsetConsumer(FieldVector vector) {
    this.vector = (TimeStampMicroTZVector) vector;
  }

  @Override
  public void consume(ResultSet results, int column, int row) throws SQLException {
    OffsetDateTime value = results.getObject(column, OffsetDateTime.class);
    if (value == null) {
      vector.setNull(row);
    } else {
      vector.setSafe(row, ChronoUnit.MICROS.between(Instant.EPOCH, value.toInstant()));
    }
  }
}
