package dev.hygge.jdbc;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The value checks of a load into an existing table: each batch's values are checked against the
 * limits of the columns they go into before the batch is staged.
 *
 * @param columns the limited columns
 */
public record ValueChecks(List<Limited> columns) {
  /** No checks: the table is created from the data's own types. */
  public static final ValueChecks NONE = new ValueChecks(List.of());

  public ValueChecks {
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
  }

  /**
   * One data column and the limit of the table column it goes into.
   *
   * @param index the column's position in the batch
   * @param target the table's column
   * @param limit its limit
   */
  public record Limited(int index, TargetColumn target, ValueLimit limit) {
    public Limited {
      requireNonNull(target, "target is null");
      requireNonNull(limit, "limit is null");
    }
  }

  /**
   * Whether every limit holds for every value of its column's type in {@code schema}, the data's
   * schema, so no value needs checking.
   */
  public boolean holdEvery(Schema schema) {
    List<Field> fields = schema.getFields();
    return columns.stream()
        .allMatch(column -> column.limit().holdsEvery(fields.get(column.index()).getType()));
  }

  /**
   * Checks {@code batch}, whose first row is row {@code rowsBefore + 1} of the load.
   *
   * @param failure names the entity and table around the reason
   * @throws HyggeException of kind STORE naming the row, column and value that do not fit
   */
  public void check(
      VectorSchemaRoot batch,
      long rowsBefore,
      java.util.function.Function<String, HyggeException> failure) {
    int rows = batch.getRowCount();
    List<FieldVector> vectors = batch.getFieldVectors();
    for (Limited column : columns) {
      Optional<ValueCheck> check = column.limit().check(vectors.get(column.index()));
      if (check.isEmpty()) {
        continue;
      }
      int row = check.get().firstViolation(rows);
      if (row != ValueCheck.NONE) {
        throw failure.apply(
            "row "
                + (rowsBefore + row + 1)
                + " of the load has "
                + check.get().value(row)
                + " in column '"
                + column.target().name()
                + "', which does not fit the column's type "
                + column.target().type().typeName()
                + " ("
                + column.limit().describe()
                + "); widen the column or filter or cast the value in the home");
      }
    }
  }
}
