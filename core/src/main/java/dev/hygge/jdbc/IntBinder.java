package dev.hygge.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/** Binds a {@link IntVector}'s values as statement parameters. */
public final class IntBinder implements ColumnBinder {
  private final IntVector vector;

  /** Binds values of {@code vector}, which must be a {@link IntVector}. */
  public IntBinder(FieldVector vector) {
    this.vector = (IntVector) vector;
  }

  @Override
  public void bind(PreparedStatement statement, int parameter, int row) throws SQLException {
    if (vector.isNull(row)) {
      statement.setNull(parameter, Types.INTEGER);
    } else {
      statement.setInt(parameter, vector.get(row));
    }
  }
}
