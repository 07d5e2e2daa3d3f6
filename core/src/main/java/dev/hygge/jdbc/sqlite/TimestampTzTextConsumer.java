package dev.hygge.jdbc.sqlite;

import dev.hygge.jdbc.ColumnConsumer;
import dev.hygge.jdbc.TimestampMicros;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;

/** Reads UTC text written by {@link TimestampTzTextBinder} into a UTC vector. */
public final class TimestampTzTextConsumer implements ColumnConsumer {
  private final TimeStampMicroTZVector vector;

  /** Fills {@code vector}, which must be a {@link TimeStampMicroTZVector}. */
  public TimestampTzTextConsumer(FieldVector vector) {
    this.vector = (TimeStampMicroTZVector) vector;
  }

  @Override
  public void consume(ResultSet results, int column, int row) throws SQLException {
    String text = results.getString(column);
    if (text == null) {
      vector.setNull(row);
    } else {
      vector.setSafe(
          row, TimestampMicros.of(LocalDateTime.parse(text, TimestampTzTextBinder.FORMAT)));
    }
  }
}
