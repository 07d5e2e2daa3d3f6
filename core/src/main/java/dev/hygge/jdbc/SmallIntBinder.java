package dev.hygge.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.SmallIntVector;

/** Binds a {@link SmallIntVector}'s values as statement parameters. */
public final class SmallIntBinder implements ColumnBinder {
  private final SmallIntVector vector;

  /** Binds values of {@code vector}, which must be a {@link SmallIntVector}. */
  public SmallIntBinder(FieldVector vector) {
    this.vector = (SmallIntVector) vector;
  }

  @Override
  public void bind(PreparedStatement statement, int parameter, int row) throws SQLException {
    if (vector.isNull(row)) {
      statement.setNull(parameter, Types.SMALLINT);
    } else {
      statement.setShort(parameter, vector.get(row));
    }
  }
}
