package dev.hygge.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/** Binds a {@link BitVector}'s values as statement parameters. */
public final class BitBinder implements ColumnBinder {
  private final BitVector vector;

  /** Binds values of {@code vector}, which must be a {@link BitVector}. */
  public BitBinder(FieldVector vector) {
    this.vector = (BitVector) vector;
  }

  @Override
  public void bind(PreparedStatement statement, int parameter, int row) throws SQLException {
    if (vector.isNull(row)) {
      statement.setNull(parameter, Types.BOOLEAN);
    } else {
      statement.setBoolean(parameter, vector.get(row) != 0);
    }
  }
}
