package dev.hygge.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroVector;

/** Binds a {@link TimeStampMicroVector}'s values as statement parameters. */
public final class TimeStampMicroBinder implements ColumnBinder {
  private final TimeStampMicroVector vector;

  /** Binds values of {@code vector}, which must be a {@link TimeStampMicroVector}. */
  public TimeStampMicroBinder(FieldVector vector) {
    this.vector = (TimeStampMicroVector) vector;
  }

  @Override
  public void bind(PreparedStatement statement, int parameter, int row) throws SQLException {
    if (vector.isNull(row)) {
      statement.setNull(parameter, Types.TIMESTAMP);
    } else {
      statement.setObject(parameter, TimestampMicros.toLocalDateTime(vector.get(row)));
    }
  }
}
