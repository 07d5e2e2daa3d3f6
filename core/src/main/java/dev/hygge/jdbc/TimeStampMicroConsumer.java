package dev.hygge.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroVector;

/** Reads a result-set column into a {@link TimeStampMicroVector}. */
public final class TimeStampMicroConsumer implements ColumnConsumer {
  private final TimeStampMicroVector vector;

  /** Fills {@code vector}, which must be a {@link TimeStampMicroVector}. */
  public TimeStampMicroConsumer(FieldVector vector) {
    this.vector = (TimeStampMicroVector) vector;
  }

  @Override
  public void consume(ResultSet results, int column, int row) throws SQLException {
    LocalDateTime value = results.getObject(column, LocalDateTime.class);
    if (value == null) {
      vector.setNull(row);
    } else {
      vector.setSafe(row, TimestampMicros.of(value));
    }
  }
}
