package dev.hygge.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/** Binds a {@link BigIntVector}'s values as statement parameters. */
public final class BigIntBinder implements ColumnBinder {
  private final BigIntVector vector;

  /** Binds values of {@code vector}, which must be a {@link BigIntVector}. */
  public BigIntBinder(FieldVector vector) {
    this.vector = (BigIntVector) vector;
  }

  @Override
  public void bind(PreparedStatement statement, int parameter, int row) throws SQLException {
    if (vector.isNull(row)) {
      statement.setNull(parameter, Types.BIGINT);
    } else {
      statement.setLong(parameter, vector.get(row));
    }
  }
}
