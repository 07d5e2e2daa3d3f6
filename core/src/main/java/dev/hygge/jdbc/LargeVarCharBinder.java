package dev.hygge.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.LargeVarCharVector;

/** Binds a {@link LargeVarCharVector}'s values as statement parameters. */
public final class LargeVarCharBinder implements ColumnBinder {
  private final LargeVarCharVector vector;

  /** Binds values of {@code vector}, which must be a {@link LargeVarCharVector}. */
  public LargeVarCharBinder(FieldVector vector) {
    this.vector = (LargeVarCharVector) vector;
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
