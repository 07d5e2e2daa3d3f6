package dev.hygge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.StoreWriter;
import dev.hygge.flow.WriteMode;
import dev.hygge.flow.WriteRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A failure at any point leaves the target exactly as it was and no staging table behind. */
class FailureAtomicityTest {
  private static final List<List<String>> BEFORE = List.of(List.of("1", "kept"));

  @TempDir Path dir;
  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private List<List<String>> target(TestDatabase db) throws Exception {
    return db.rows(dir, "SELECT * FROM orders ORDER BY 1");
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void abortAfterSomeBatchesLeavesTheTargetAsItWas(TestDatabase db) throws Exception {
    db.execute(dir, "CREATE TABLE orders (id BIGINT, name TEXT)");
    db.execute(dir, "INSERT INTO orders VALUES (1, 'kept')");
    for (IfExists ifExists : List.of(IfExists.APPEND, IfExists.REPLACE)) {
      JdbcStore store = new JdbcStore(db.file(dir), "orders", Optional.of(ifExists));
      try (VectorSchemaRoot first = SampleBatches.idsAndNames(allocator, 10, 19);
          VectorSchemaRoot second = SampleBatches.idsAndNames(allocator, 20, 29);
          StoreWriter writer =
              store.open(
                  new WriteRequest(
                      "shop.orders", first.getSchema(), "run-7", WriteMode.APPEND, allocator))) {
        writer.write(first);
        writer.write(second);
        // The home failed on its third batch: the flow aborts.
        writer.abort();
        writer.abort();
      }
      assertThat(target(db)).isEqualTo(BEFORE);
      assertThat(db.stagingTables(dir)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void closingWithoutCommitAborts(TestDatabase db) throws Exception {
    db.execute(dir, "CREATE TABLE orders (id BIGINT, name TEXT)");
    db.execute(dir, "INSERT INTO orders VALUES (1, 'kept')");
    JdbcStore store = new JdbcStore(db.file(dir), "orders", Optional.of(IfExists.REPLACE));
    try (VectorSchemaRoot batch = SampleBatches.idsAndNames(allocator, 10, 19);
        StoreWriter writer =
            store.open(
                new WriteRequest(
                    "shop.orders", batch.getSchema(), "run-8", WriteMode.REPLACE, allocator))) {
      writer.write(batch);
    }
    assertThat(target(db)).isEqualTo(BEFORE);
    assertThat(db.stagingTables(dir)).isEmpty();
  }

  @Test
  void duckDbValueOverflowingTheTargetColumnFailsNamingRowAndValueAndKeepsTheTarget()
      throws Exception {
    TestDatabase db = TestDatabase.DUCKDB;
    db.execute(dir, "CREATE TABLE orders (id INTEGER, name VARCHAR)");
    db.execute(dir, "INSERT INTO orders VALUES (1, 'kept')");
    try (VectorSchemaRoot small = SampleBatches.idsAndNames(allocator, 2, 3);
        VectorSchemaRoot huge =
            SampleBatches.idsAndNames(allocator, 5_000_000_000L, 5_000_000_000L)) {
      assertThatThrownBy(
              () ->
                  db.write(
                      dir,
                      "orders",
                      Optional.of(IfExists.APPEND),
                      WriteMode.APPEND,
                      allocator,
                      small,
                      huge))
          .isInstanceOf(HyggeException.class)
          .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.STORE))
          .hasMessage(
              "Cannot write entity shop.orders into test.duckdb table orders: row 3 of the load"
                  + " has 5000000000 in column 'id', which does not fit the column's type INTEGER"
                  + " (from -2147483648 to 2147483647); widen the column or filter or cast the"
                  + " value in the home. Nothing was published; the table is as it was.");
    }
    assertThat(target(db)).isEqualTo(BEFORE);
    assertThat(db.stagingTables(dir)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void appendingToATableWithoutTheColumnFailsAndKeepsTheTarget(TestDatabase db) throws Exception {
    db.execute(dir, "CREATE TABLE orders (id BIGINT, label TEXT)");
    db.execute(dir, "INSERT INTO orders VALUES (1, 'kept')");
    try (VectorSchemaRoot batch = SampleBatches.idsAndNames(allocator, 2, 3)) {
      assertThatThrownBy(
              () ->
                  db.write(
                      dir,
                      "orders",
                      Optional.of(IfExists.APPEND),
                      WriteMode.APPEND,
                      allocator,
                      batch))
          .isInstanceOf(HyggeException.class)
          .hasMessage(
              "Cannot write entity shop.orders into "
                  + db.file(dir).display()
                  + " table orders: the data's columns differ from the table's: column 'name' ("
                  + (db == TestDatabase.DUCKDB ? "VARCHAR" : "TEXT")
                  + ") is new, not in the table; column 'label' ("
                  + (db == TestDatabase.DUCKDB ? "VARCHAR" : "TEXT")
                  + ") is in the table but not in the data. Set schema_evolution: add_columns to"
                  + " add new columns and write missing nullable ones as NULL (a retyped column"
                  + " always fails), or change the table. Nothing was written.");
    }
    assertThat(target(db)).isEqualTo(BEFORE);
    assertThat(db.stagingTables(dir)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aMissingSchemaFailsNamingIt(TestDatabase db) throws Exception {
    try (VectorSchemaRoot batch = SampleBatches.idsAndNames(allocator, 1, 1)) {
      assertThatThrownBy(
              () ->
                  db.write(
                      dir, "Nowhere.orders", Optional.empty(), WriteMode.APPEND, allocator, batch))
          .isInstanceOf(HyggeException.class)
          .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.STORE))
          .hasMessage(
              "Cannot write entity shop.orders into "
                  + db.file(dir).display()
                  + " table Nowhere.orders: schema 'Nowhere' does not exist (create it, or fix the"
                  + " schema in 'table:').");
    }
  }

  /** A file dialect on the standard base, for a dialect made up by a test. */
  private abstract static class FileDialectBase extends StandardDialect implements FileDialect {}

  @Test
  void aMissingDriverFailsAtOpenNamingTheDependency() {
    FileDialect missing =
        new FileDialectBase() {
          @Override
          public String name() {
            return "Nowhere";
          }

          @Override
          public String driverClass() {
            return "org.example.NoSuchDriver";
          }

          @Override
          public String driverArtifact() {
            return "org.example:no-such-jdbc";
          }

          @Override
          public String url(Path database) {
            return "jdbc:nowhere:" + database;
          }

          @Override
          public boolean tableExists(java.sql.Connection connection, TableName table) {
            return false;
          }
        };
    JdbcStore store =
        new JdbcStore(
            new DatabaseFile(missing, dir.resolve("x.db"), "x.db"), "t", Optional.empty());
    try (VectorSchemaRoot batch = SampleBatches.idsAndNames(allocator, 1, 1)) {
      assertThatThrownBy(
              () ->
                  store.open(
                      new WriteRequest(
                          "shop.orders", batch.getSchema(), "r", WriteMode.APPEND, allocator)))
          .isInstanceOf(HyggeException.class)
          .hasMessage(
              "Cannot open Nowhere database x.db for entity shop.orders: the JDBC driver"
                  + " org.example.NoSuchDriver is not on the class path (add the dependency"
                  + " org.example:no-such-jdbc).");
    }
  }
}
