package dev.hygge.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;

/** Binds a {@link TimeStampMicroTZVector}'s instants as UTC {@link java.time.OffsetDateTime}s. */
public final class TimeStampMicroTzBinder implements ColumnBinder {
  private final TimeStampMicroTZVector vector;

  /** Binds values of {@code vector}, which must be a {@link TimeStampMicroTZVector}. */
  public TimeStampMicroTzBinder(FieldVector vector) {
    this.vector = (TimeStampMicroTZVector) vector;
  }

  @Override
  public void bind(PreparedStatement statement, int parameter, int row) throws SQLException {
    if (vector.isNull(row)) {
      statement.setNull(parameter, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(
          parameter, TimestampMicros.toLocalDateTime(vector.get(row)).atOffset(ZoneOffset.UTC));
    }
  }
}
