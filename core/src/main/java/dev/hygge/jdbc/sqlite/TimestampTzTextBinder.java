package dev.hygge.jdbc.sqlite;

import dev.hygge.jdbc.ColumnBinder;
import dev.hygge.jdbc.TimestampMicros;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.format.DateTimeFormatter;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;

/**
 * Binds a {@link TimeStampMicroTZVector}'s instants as UTC text such as {@code 2024-01-31
 * 10:00:00.123456Z}, which SQLite's date functions read.
 */
public final class TimestampTzTextBinder implements ColumnBinder {
  /** UTC text with microseconds and a {@code Z}. */
  static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'Z'");

  private final TimeStampMicroTZVector vector;

  /** Binds values of {@code vector}, which must be a {@link TimeStampMicroTZVector}. */
  public TimestampTzTextBinder(FieldVector vector) {
    this.vector = (TimeStampMicroTZVector) vector;
  }

  @Override
  public void bind(PreparedStatement statement, int parameter, int row) throws SQLException {
    if (vector.isNull(row)) {
      statement.setNull(parameter, Types.VARCHAR);
    } else {
      statement.setString(
          parameter, FORMAT.format(TimestampMicros.toLocalDateTime(vector.get(row))));
    }
  }
}
