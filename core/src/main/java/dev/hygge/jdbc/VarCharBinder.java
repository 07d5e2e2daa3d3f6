package dev.hygge.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/** Binds a {@link VarCharVector}'s values as statement parameters. */
public final class VarCharBinder implements ColumnBinder {
  private final VarCharVector vector;

  /** Binds values of {@code vector}, which must be a {@link VarCharVector}. */
  public VarCharBinder(FieldVector vector) {
    this.vector = (VarCharVector) vector;
  }

  @Override
  public void bind(PreparedStatement statement, int parameter, int row) throws SQLException {
    if (vector.isNull(row)) {
      statement.setNull(parameter, Types.VARCHAR);
    } else {
      statement.setString(parameter, new String(vector.get(row), StandardCharsets.UTF_8));
    }
  }
}
