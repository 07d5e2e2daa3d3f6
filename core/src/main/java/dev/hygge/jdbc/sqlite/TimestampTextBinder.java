package dev.hygge.jdbc.sqlite;

import dev.hygge.jdbc.ColumnBinder;
import dev.hygge.jdbc.TimestampMicros;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.format.DateTimeFormatter;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroVector;

/**
 * Binds a {@link TimeStampMicroVector}'s values as text such as {@code 2024-01-31 10:00:00.123456}.
 */
public final class TimestampTextBinder implements ColumnBinder {
  /** The text form SQLite's date functions read, with microseconds. */
  static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private final TimeStampMicroVector vector;

  /** Binds values of {@code vector}, which must be a {@link TimeStampMicroVector}. */
  public TimestampTextBinder(FieldVector vector) {
    this.vector = (TimeStampMicroVector) vector;
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
