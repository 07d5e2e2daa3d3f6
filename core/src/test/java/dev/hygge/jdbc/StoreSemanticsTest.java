package dev.hygge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.HyggeException;
import dev.hygge.flow.WriteMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** if_exists and run-type semantics, and odd identifiers, against each database. */
class StoreSemanticsTest {
  @TempDir Path dir;
  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private void write(
      TestDatabase db,
      String table,
      Optional<IfExists> ifExists,
      WriteMode mode,
      long from,
      long to) {
    try (VectorSchemaRoot batch = SampleBatches.idsAndNames(allocator, from, to)) {
      db.write(dir, table, ifExists, mode, allocator, batch);
    }
  }

  private List<List<String>> ids(TestDatabase db, String quotedTable) throws Exception {
    return db.rows(dir, "SELECT id FROM " + quotedTable + " ORDER BY id");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void appendAddsAndReplaceReplaces(TestDatabase db) throws Exception {
    write(db, "orders", Optional.of(IfExists.APPEND), WriteMode.APPEND, 1, 2);
    write(db, "orders", Optional.of(IfExists.APPEND), WriteMode.APPEND, 3, 3);
    assertThat(ids(db, "orders")).containsExactly(List.of("1"), List.of("2"), List.of("3"));

    write(db, "orders", Optional.of(IfExists.REPLACE), WriteMode.APPEND, 7, 8);

    assertThat(ids(db, "orders")).containsExactly(List.of("7"), List.of("8"));
    assertThat(db.stagingTables(dir)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void withoutIfExistsTheRunTypeDecides(TestDatabase db) throws Exception {
    write(db, "orders", Optional.empty(), WriteMode.APPEND, 1, 1);
    write(db, "orders", Optional.empty(), WriteMode.APPEND, 2, 2);
    assertThat(ids(db, "orders")).containsExactly(List.of("1"), List.of("2"));

    write(db, "orders", Optional.empty(), WriteMode.REPLACE, 5, 5);

    assertThat(ids(db, "orders")).containsExactly(List.of("5"));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void failFillsAMissingOrEmptyTableAndRefusesOneWithRows(TestDatabase db) throws Exception {
    db.execute(dir, "CREATE TABLE orders (id BIGINT, name VARCHAR(20))");
    write(db, "orders", Optional.of(IfExists.FAIL), WriteMode.REPLACE, 1, 2);
    assertThat(ids(db, "orders")).containsExactly(List.of("1"), List.of("2"));

    assertThatThrownBy(
            () -> write(db, "orders", Optional.of(IfExists.FAIL), WriteMode.REPLACE, 3, 3))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "Cannot write entity shop.orders: table "
                + db.file(dir).display()
                + " table orders already has rows and if_exists is fail (set if_exists: append"
                + " or if_exists: replace, or empty the table).");
    assertThat(ids(db, "orders")).containsExactly(List.of("1"), List.of("2"));
    assertThat(db.stagingTables(dir)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void oddIdentifiersAreQuoted(TestDatabase db) throws Exception {
    String table = "My \"Odd\" Table";
    org.apache.arrow.vector.types.pojo.Schema schema =
        new org.apache.arrow.vector.types.pojo.Schema(
            List.of(
                org.apache.arrow.vector.types.pojo.Field.nullable(
                    "select", new org.apache.arrow.vector.types.pojo.ArrowType.Int(64, true)),
                org.apache.arrow.vector.types.pojo.Field.nullable(
                    "Mixed Case \"col\"",
                    org.apache.arrow.vector.types.pojo.ArrowType.Utf8.INSTANCE)));
    try (VectorSchemaRoot source = SampleBatches.idsAndNames(allocator, 1, 2);
        VectorSchemaRoot batch = new VectorSchemaRoot(schema, source.getFieldVectors(), 2)) {
      db.write(dir, table, Optional.empty(), WriteMode.REPLACE, allocator, batch);
      db.write(dir, table, Optional.empty(), WriteMode.APPEND, allocator, batch);
    }

    assertThat(
            db.rows(
                dir,
                "SELECT \"select\", \"Mixed Case \"\"col\"\"\" FROM \"My \"\"Odd\"\" Table\" ORDER BY 1"))
        .containsExactly(
            List.of("1", "name 1"),
            List.of("1", "name 1"),
            List.of("2", "name 2"),
            List.of("2", "name 2"));
    assertThat(db.readBack(dir, table, allocator))
        .startsWith("Schema<select: Int(64, true), Mixed Case \"col\": Utf8>");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void schemaQualifiedTables(TestDatabase db) throws Exception {
    String schema = db == TestDatabase.DUCKDB ? "Sales Data" : "main";
    if (db == TestDatabase.DUCKDB) {
      db.execute(dir, "CREATE SCHEMA \"Sales Data\"");
    }
    write(db, schema + ".orders", Optional.empty(), WriteMode.REPLACE, 1, 1);
    write(db, schema + ".orders", Optional.empty(), WriteMode.APPEND, 2, 2);

    assertThat(ids(db, "\"" + schema + "\".orders")).containsExactly(List.of("1"), List.of("2"));
    assertThat(db.stagingTables(dir)).isEmpty();
  }
}
