package dev.hygge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.WriteMode;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** direct_insert, temp_swap and merge against real DuckDB, SQLite and PostgreSQL. */
class WriteStrategyTest extends EveryDatabase {
  private static WritePolicy merge(String... key) {
    return new WritePolicy(
        Optional.empty(), Optional.of(WriteStrategy.MERGE), List.of(key), SchemaEvolution.FAIL);
  }

  private static WritePolicy strategy(WriteStrategy strategy, IfExists ifExists) {
    return new WritePolicy(
        Optional.of(ifExists), Optional.of(strategy), List.of(), SchemaEvolution.FAIL);
  }

  private void write(TestTarget db, WritePolicy policy, long from, long to, String prefix) {
    try (VectorSchemaRoot batch = SampleBatches.idsAndNames(allocator, from, to, prefix)) {
      db.write("orders", policy, WriteMode.APPEND, allocator, batch);
    }
  }

  private static List<List<String>> orders(TestTarget db) throws Exception {
    return db.rows("SELECT id, name FROM orders ORDER BY id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "sqlite", "postgres"})
  void mergingTheSameBatchTwiceLeavesNoDuplicatesAndTheNewValuesWin(String name) throws Exception {
    TestTarget db = target(name);
    write(db, merge("id"), 1, 3, "first ");
    try (var connection = db.connect()) {
      assertThat(db.database().dialect().uniqueKeys(connection, TableName.parse("orders")))
          .containsExactly(java.util.Set.of("id"));
    }
    write(db, merge("id"), 1, 3, "first ");
    assertThat(orders(db))
        .containsExactly(List.of("1", "first 1"), List.of("2", "first 2"), List.of("3", "first 3"));

    write(db, merge("id"), 2, 4, "second ");

    assertThat(orders(db))
        .containsExactly(
            List.of("1", "first 1"),
            List.of("2", "second 2"),
            List.of("3", "second 3"),
            List.of("4", "second 4"));
    assertThat(db.stagingTables()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "sqlite", "postgres"})
  void mergeUsesAnExistingUniqueConstraintAndRefusesATableWithoutOne(String name) throws Exception {
    TestTarget db = target(name);
    db.execute("CREATE TABLE orders (id BIGINT, name TEXT, UNIQUE (id))");
    write(db, merge("id"), 1, 2, "first ");
    write(db, merge("id"), 2, 2, "second ");
    assertThat(orders(db)).containsExactly(List.of("1", "first 1"), List.of("2", "second 2"));

    db.execute("DROP TABLE orders");
    db.execute("CREATE TABLE orders (id BIGINT, name TEXT, PRIMARY KEY (id, name))");
    assertThatThrownBy(() -> write(db, merge("id"), 1, 1, "x "))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.CONFIG))
        .hasMessage(
            "Cannot merge entity shop.orders into "
                + db.database().display()
                + " table orders: primary_key (id) matches no primary key or unique constraint of"
                + " the table (its keys are (id, name)). Add a primary key or unique constraint on"
                + " exactly these columns, or fix primary_key.");
    assertThat(db.stagingTables()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "sqlite", "postgres"})
  void aMergeKeyMissingFromTheDataFailsBeforeConnecting(String name) throws Exception {
    TestTarget db = target(name);
    assertThatThrownBy(() -> write(db, merge("id", "order_no"), 1, 1, "x "))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.CONFIG))
        .hasMessage(
            "Cannot merge entity shop.orders into "
                + db.database().display()
                + " table orders: primary_key column(s) order_no not in the data, whose columns"
                + " are id, name (fix primary_key, or select the key in the home).");
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "sqlite", "postgres"})
  void tempSwapReplacesTheTableWithTheDataDefinition(String name) throws Exception {
    TestTarget db = target(name);
    db.execute("CREATE TABLE orders (id BIGINT, name TEXT, extra TEXT)");
    db.execute("INSERT INTO orders VALUES (1, 'old', 'x')");

    write(db, strategy(WriteStrategy.TEMP_SWAP, IfExists.REPLACE), 5, 6, "new ");

    assertThat(orders(db)).containsExactly(List.of("5", "new 5"), List.of("6", "new 6"));
    assertThat(db.columns("orders")).hasSize(2);
    assertThat(db.stagingTables()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "sqlite", "postgres"})
  void directInsertReplaceKeepsTheTableDefinition(String name) throws Exception {
    TestTarget db = target(name);
    db.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, name VARCHAR(10))");
    db.execute("INSERT INTO orders VALUES (1, 'old')");

    write(db, strategy(WriteStrategy.DIRECT_INSERT, IfExists.REPLACE), 5, 6, "new ");

    assertThat(orders(db)).containsExactly(List.of("5", "new 5"), List.of("6", "new 6"));
    assertThat(db.database().dialect().name()).isNotEmpty();
    try (var connection = db.connect()) {
      assertThat(db.database().dialect().uniqueKeys(connection, TableName.parse("orders")))
          .containsExactly(java.util.Set.of("id"));
    }
    assertThat(db.stagingTables()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "sqlite", "postgres"})
  void oddIdentifiersSurviveMergeAndSwap(String name) throws Exception {
    TestTarget db = target(name);
    String table = "My \"Odd\" Table";
    String quoted = "\"My \"\"Odd\"\" Table\"";
    Schema schema =
        new Schema(
            List.of(
                Field.nullable("select", new ArrowType.Int(64, true)),
                Field.nullable("Mixed Case \"col\"", ArrowType.Utf8.INSTANCE)));
    WritePolicy merge = merge("select");
    try (VectorSchemaRoot first = SampleBatches.idsAndNames(allocator, 1, 2, "a ");
        VectorSchemaRoot second = SampleBatches.idsAndNames(allocator, 2, 3, "b ");
        VectorSchemaRoot one = new VectorSchemaRoot(schema, first.getFieldVectors(), 2);
        VectorSchemaRoot two = new VectorSchemaRoot(schema, second.getFieldVectors(), 2)) {
      db.write(table, merge, WriteMode.APPEND, allocator, one);
      db.write(table, merge, WriteMode.APPEND, allocator, two);
      assertThat(db.rows("SELECT * FROM " + quoted + " ORDER BY 1"))
          .containsExactly(List.of("1", "a 1"), List.of("2", "b 2"), List.of("3", "b 3"));

      db.write(
          table,
          strategy(WriteStrategy.TEMP_SWAP, IfExists.REPLACE),
          WriteMode.APPEND,
          allocator,
          one);
    }
    assertThat(
            db.rows("SELECT \"select\", \"Mixed Case \"\"col\"\"\" FROM " + quoted + " ORDER BY 1"))
        .containsExactly(List.of("1", "a 1"), List.of("2", "a 2"));
    assertThat(db.stagingTables()).isEmpty();
  }
}
