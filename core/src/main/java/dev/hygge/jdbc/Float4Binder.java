package dev.hygge.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;

/** Binds a {@link Float4Vector}'s values as statement parameters. */
public final class Float4Binder implements ColumnBinder {
  private final Float4Vector vector;

  /** Binds values of {@code vector}, which must be a {@link Float4Vector}. */
  public Float4Binder(FieldVector vector) {
    this.vector = (Float4Vector) vector;
  }

  @Override
  public void bind(PreparedStatement statement, int parameter, int row) throws SQLException {
    if (vector.isNull(row)) {
      statement.setNull(parameter, Types.REAL);
    } else {
      statement.setFloat(parameter, vector.get(row));
    }
  }
}
