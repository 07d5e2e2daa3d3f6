package dev.hygge.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;

/** Binds a {@link Float8Vector}'s values as statement parameters. */
public final class Float8Binder implements ColumnBinder {
  private final Float8Vector vector;

  /** Binds values of {@code vector}, which must be a {@link Float8Vector}. */
  public Float8Binder(FieldVector vector) {
    this.vector = (Float8Vector) vector;
  }

  @Override
  public void bind(PreparedStatement statement, int parameter, int row) throws SQLException {
    if (vector.isNull(row)) {
      statement.setNull(parameter, Types.DOUBLE);
    } else {
      statement.setDouble(parameter, vector.get(row));
    }
  }
}
