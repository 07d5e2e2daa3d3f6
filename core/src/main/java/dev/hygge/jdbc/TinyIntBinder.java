package dev.hygge.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;

/** Binds a {@link TinyIntVector}'s values as statement parameters. */
public final class TinyIntBinder implements ColumnBinder {
  private final TinyIntVector vector;

  /** Binds values of {@code vector}, which must be a {@link TinyIntVector}. */
  public TinyIntBinder(FieldVector vector) {
    this.vector = (TinyIntVector) vector;
  }

  @Override
  public void bind(PreparedStatement statement, int parameter, int row) throws SQLException {
    if (vector.isNull(row)) {
      statement.setNull(parameter, Types.TINYINT);
    } else {
      statement.setByte(parameter, vector.get(row));
    }
  }
}
