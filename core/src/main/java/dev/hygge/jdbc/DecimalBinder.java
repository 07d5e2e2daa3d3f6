package dev.hygge.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/** Binds a {@link DecimalVector}'s values as statement parameters. */
public final class DecimalBinder implements ColumnBinder {
  private final DecimalVector vector;

  /** Binds values of {@code vector}, which must be a {@link DecimalVector}. */
  public DecimalBinder(FieldVector vector) {
    this.vector = (DecimalVector) vector;
  }

  @Override
  public void bind(PreparedStatement statement, int parameter, int row) throws SQLException {
    if (vector.isNull(row)) {
      statement.setNull(parameter, Types.DECIMAL);
    } else {
      statement.setBigDecimal(parameter, vector.getObject(row));
    }
  }
}
