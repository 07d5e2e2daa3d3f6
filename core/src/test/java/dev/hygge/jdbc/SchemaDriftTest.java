package dev.hygge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.WriteMode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** New, dropped and retyped columns against an existing table, on DuckDB, SQLite and PostgreSQL. */
class SchemaDriftTest extends EveryDatabase {
  private static WritePolicy append(SchemaEvolution evolution) {
    return new WritePolicy(Optional.of(IfExists.APPEND), Optional.empty(), List.of(), evolution);
  }

  private void write(TestTarget db, SchemaEvolution evolution, VectorSchemaRoot... batches) {
    db.write("orders", append(evolution), WriteMode.APPEND, allocator, batches);
  }

  /** The text type name each database reports for a {@code TEXT} column. */
  private static String text(TestTarget db) {
    return switch (db.name()) {
      case "duckdb" -> "VARCHAR";
      case "sqlite" -> "TEXT";
      default -> "text";
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "sqlite", "postgres"})
  void failNamesEveryColumnThatDiffersAndTheSettingToChange(String name) throws Exception {
    TestTarget db = target(name);
    db.execute("CREATE TABLE orders (id TEXT, label TEXT)");
    db.execute("INSERT INTO orders VALUES ('1', 'kept')");

    try (VectorSchemaRoot batch = SampleBatches.idsAndNames(allocator, 2, 3)) {
      assertThatThrownBy(() -> write(db, SchemaEvolution.FAIL, batch))
          .isInstanceOf(HyggeException.class)
          .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.STORE))
          .hasMessage(
              "Cannot write entity shop.orders into "
                  + db.database().display()
                  + " table orders: the data's columns differ from the table's: column 'name' ("
                  + (name.equals("duckdb") ? "VARCHAR" : "TEXT")
                  + ") is new, not in the table; column 'label' ("
                  + text(db)
                  + ") is in the table but not in the data; column 'id' is "
                  + text(db)
                  + " in the table but Int(64, true) in the data (written as BIGINT). Set"
                  + " schema_evolution: add_columns to add new columns and write missing nullable"
                  + " ones as NULL (a retyped column always fails), or change the table. Nothing"
                  + " was written.");
    }
    assertThat(db.rows("SELECT * FROM orders")).containsExactly(List.of("1", "kept"));
    assertThat(db.stagingTables()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "sqlite", "postgres"})
  void addColumnsAddsNewColumnsAndWritesDroppedOnesAsNull(String name) throws Exception {
    TestTarget db = target(name);
    db.execute("CREATE TABLE orders (id BIGINT, label TEXT)");
    db.execute("INSERT INTO orders VALUES (1, 'kept')");

    try (VectorSchemaRoot batch = SampleBatches.idsAndNames(allocator, 2, 3)) {
      write(db, SchemaEvolution.ADD_COLUMNS, batch);
    }

    assertThat(db.columns("orders"))
        .extracting(c -> c.split(" ")[0])
        .containsExactly("id", "label", "name");
    assertThat(db.rows("SELECT id, label, name FROM orders ORDER BY id"))
        .containsExactly(
            Arrays.asList("1", "kept", null),
            Arrays.asList("2", null, "name 2"),
            Arrays.asList("3", null, "name 3"));
    assertThat(db.stagingTables()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "sqlite", "postgres"})
  void addColumnsStillFailsOnARetypedColumnOrAMissingNotNullOne(String name) throws Exception {
    TestTarget db = target(name);
    db.execute("CREATE TABLE orders (id BIGINT, name DATE, label TEXT NOT NULL)");

    try (VectorSchemaRoot batch = SampleBatches.idsAndNames(allocator, 2, 3)) {
      assertThatThrownBy(() -> write(db, SchemaEvolution.ADD_COLUMNS, batch))
          .isInstanceOf(HyggeException.class)
          .hasMessageStartingWith(
              "Cannot write entity shop.orders into "
                  + db.database().display()
                  + " table orders: the data's columns differ from the table's: column 'label' is"
                  + " NOT NULL in the table but not in the data, so it cannot be written as NULL;"
                  + " column 'name' is ")
          .hasMessageEndingWith(
              " in the table but Utf8 in the data (written as "
                  + (name.equals("duckdb") ? "VARCHAR" : "TEXT")
                  + "). schema_evolution: add_columns cannot fix these: change the table or the"
                  + " data. Nothing was written.");
    }
    assertThat(db.stagingTables()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "sqlite", "postgres"})
  void aFailureAfterAddingAColumnRollsTheNewColumnBackToo(String name) throws Exception {
    TestTarget db = target(name);
    db.execute("CREATE TABLE orders (id BIGINT UNIQUE)");
    db.execute("INSERT INTO orders VALUES (1)");

    // Row 1 repeats the existing id: the insert fails at commit, after the column was added.
    try (VectorSchemaRoot batch = SampleBatches.idsAndNames(allocator, 1, 2)) {
      assertThatThrownBy(() -> write(db, SchemaEvolution.ADD_COLUMNS, batch))
          .isInstanceOf(HyggeException.class)
          .hasMessageStartingWith(
              "Cannot write entity shop.orders into "
                  + db.database().display()
                  + " table orders: cannot publish into orders: ")
          .hasMessageEndingWith("Nothing was published; the table is as it was.");
    }
    assertThat(db.columns("orders")).extracting(c -> c.split(" ")[0]).containsExactly("id");
    assertThat(db.rows("SELECT id FROM orders")).containsExactly(List.of("1"));
    assertThat(db.stagingTables()).isEmpty();
  }
}
