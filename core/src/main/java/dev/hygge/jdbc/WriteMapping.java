package dev.hygge.jdbc;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;
import org.apache.arrow.vector.FieldVector;

/**
 * How one Arrow type is written: the SQL column type and a binder for its vectors.
 *
 * @param sqlType the column type as written in {@code CREATE TABLE}, e.g. {@code DECIMAL(12,2)}
 * @param binders makes the binder for a vector of the mapped Arrow type
 */
public record WriteMapping(String sqlType, Function<FieldVector, ColumnBinder> binders) {
  public WriteMapping {
    requireNonNull(sqlType, "sqlType is null");
    requireNonNull(binders, "binders is null");
    if (sqlType.isBlank()) {
      throw new IllegalArgumentException("sqlType is blank");
    }
  }

  /** The binder for {@code vector}, which must have the Arrow type this mapping was made for. */
  public ColumnBinder binder(FieldVector vector) {
    return binders.apply(requireNonNull(vector, "vector is null"));
  }
}
