package dev.hygge.jdbc.sqlite;

import dev.hygge.jdbc.ColumnConsumer;
import dev.hygge.jdbc.TimestampMicros;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroVector;

/**
 * Reads timestamp text written by {@link TimestampTextBinder} into a {@link TimeStampMicroVector}.
 */
public final class TimestampTextConsumer implements ColumnConsumer {
  private final TimeStampMicroVector vector;

  /** Fills {@code vector}, which must be a {@link TimeStampMicroVector}. */
  public TimestampTextConsumer(FieldVector vector) {
    this.vector = (TimeStampMicroVector) vector;
  }

  @Override
  public void consume(ResultSet results, int column, int row) throws SQLException {
    String text = results.getString(column);
    if (text == null) {
      vector.setNull(row);
    } else {
      vector.setSafe(
          row, TimestampMicros.of(LocalDateTime.parse(text, TimestampTextBinder.FORMAT)));
    }
  }
}
