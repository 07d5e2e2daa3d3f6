package dev.hygge.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;

/** Binds a {@link VarBinaryVector}'s values as statement parameters. */
public final class VarBinaryBinder implements ColumnBinder {
  private final VarBinaryVector vector;

  /** Binds values of {@code vector}, which must be a {@link VarBinaryVector}. */
  public VarBinaryBinder(FieldVector vector) {
    this.vector = (VarBinaryVector) vector;
  }

  @Override
  public void bind(PreparedStatement statement, int parameter, int row) throws SQLException {
    if (vector.isNull(row)) {
      statement.setNull(parameter, Types.VARBINARY);
    } else {
      statement.setBytes(parameter, vector.get(row));
    }
  }
}
