package dev.hygge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.WriteMode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A value that does not fit an existing column's type fails the load naming the row of the load,
 * the column and the value, and nothing is published.
 */
class ValueOverflowTest extends EveryDatabase {
  private void append(TestTarget db, VectorSchemaRoot... batches) {
    db.write(
        "orders",
        WritePolicy.of(Optional.of(IfExists.APPEND)),
        WriteMode.APPEND,
        allocator,
        batches);
  }

  private String prefix(TestTarget db) {
    return "Cannot write entity shop.orders into " + db.database().display() + " table orders: ";
  }

  private static final String SUFFIX =
      "; widen the column or filter or cast the value in the home. Nothing was published; the"
          + " table is as it was.";

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "sqlite", "postgres"})
  void aBigIntValueIntoAnIntegerColumnNamesTheRowAcrossBatches(String name) throws Exception {
    TestTarget db = target(name);
    db.execute("CREATE TABLE orders (id INTEGER, name TEXT)");
    db.execute("INSERT INTO orders VALUES (1, 'kept')");
    try (VectorSchemaRoot first = SampleBatches.idsAndNames(allocator, 2, 4);
        VectorSchemaRoot second =
            SampleBatches.idsAndNames(allocator, 2_147_483_647L, 2_147_483_648L)) {
      assertThatThrownBy(() -> append(db, first, second))
          .isInstanceOf(HyggeException.class)
          .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.STORE))
          .hasMessage(
              prefix(db)
                  + "row 5 of the load has 2147483648 in column 'id', which does not fit the"
                  + " column's type "
                  + (name.equals("postgres") ? "int4" : "INTEGER")
                  + " (from -2147483648 to 2147483647)"
                  + SUFFIX);
    }
    assertThat(db.rows("SELECT id FROM orders")).containsExactly(List.of("1"));
    assertThat(db.stagingTables()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "postgres"})
  void aDecimalWithTooManyDigitsNamesRowAndValue(String name) throws Exception {
    TestTarget db = target(name);
    db.execute("CREATE TABLE orders (amount DECIMAL(6,2))");
    Schema schema =
        new Schema(List.of(Field.nullable("amount", new ArrowType.Decimal(10, 2, 128))));
    try (VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator)) {
      DecimalVector amount = (DecimalVector) batch.getVector(0);
      amount.setSafe(0, new BigDecimal("9999.99"));
      amount.setNull(1);
      amount.setSafe(2, new BigDecimal("-10000.00"));
      batch.setRowCount(3);
      assertThatThrownBy(() -> append(db, batch))
          .isInstanceOf(HyggeException.class)
          .hasMessage(
              prefix(db)
                  + "row 3 of the load has -10000.00 in column 'amount', which does not fit the"
                  + " column's type "
                  + (name.equals("postgres") ? "numeric" : "DECIMAL(6,2)")
                  + " (at most 4 digits before the decimal point)"
                  + SUFFIX);
    }
    assertThat(db.rows("SELECT count(*) FROM orders")).containsExactly(List.of("0"));
  }

  /** DuckDB keeps no length for {@code VARCHAR(n)}, so only PostgreSQL and SQLite have one. */
  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void aStringLongerThanTheVarcharNamesRowAndValue(String name) throws Exception {
    TestTarget db = target(name);
    db.execute("CREATE TABLE orders (id BIGINT, name VARCHAR(6))");
    try (VectorSchemaRoot batch = SampleBatches.idsAndNames(allocator, 9, 10, "nämé ")) {
      assertThatThrownBy(() -> append(db, batch))
          .isInstanceOf(HyggeException.class)
          .hasMessage(
              prefix(db)
                  + "row 2 of the load has 'nämé 10' in column 'name', which does not fit the"
                  + " column's type "
                  + (name.equals("postgres") ? "varchar" : "VARCHAR")
                  + " (at most 6 characters)"
                  + SUFFIX);
    }
    assertThat(db.rows("SELECT count(*) FROM orders")).containsExactly(List.of("0"));
  }
}
