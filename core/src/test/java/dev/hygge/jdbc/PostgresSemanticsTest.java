package dev.hygge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.BatchReader;
import dev.hygge.flow.ReadRequest;
import dev.hygge.flow.StoreWriter;
import dev.hygge.flow.WriteMode;
import dev.hygge.flow.WriteRequest;
import dev.hygge.jdbc.postgres.PostgresServer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Append, replace, fail, odd names, atomic failure and connection errors on a real PostgreSQL. */
class PostgresSemanticsTest {
  private static final String SECRET = "s3cret-Passw0rd";
  private static PostgresTestServer postgres;
  private final RootAllocator allocator = new RootAllocator();

  @BeforeAll
  static void startPostgres() {
    postgres = PostgresTestServer.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void emptyDatabase() throws Exception {
    postgres.reset();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private void write(
      String table, Optional<IfExists> ifExists, WriteMode mode, long from, long to) {
    try (VectorSchemaRoot batch = SampleBatches.idsAndNames(allocator, from, to)) {
      postgres.write(table, ifExists, mode, allocator, batch);
    }
  }

  private List<List<String>> ids(String quotedTable) throws Exception {
    return postgres.rows("SELECT id FROM " + quotedTable + " ORDER BY id");
  }

  @Test
  void appendAddsReplaceReplacesAndTheRunTypeDecidesOtherwise() throws Exception {
    write("orders", Optional.of(IfExists.APPEND), WriteMode.APPEND, 1, 2);
    write("orders", Optional.empty(), WriteMode.APPEND, 3, 3);
    assertThat(ids("orders")).containsExactly(List.of("1"), List.of("2"), List.of("3"));

    write("orders", Optional.of(IfExists.REPLACE), WriteMode.APPEND, 7, 8);
    assertThat(ids("orders")).containsExactly(List.of("7"), List.of("8"));

    write("orders", Optional.empty(), WriteMode.REPLACE, 9, 9);
    assertThat(ids("orders")).containsExactly(List.of("9"));
    assertThat(postgres.stagingTables()).isEmpty();
  }

  @Test
  void failFillsAnEmptyTableAndRefusesOneWithRows() throws Exception {
    postgres.execute("CREATE TABLE orders (id BIGINT, name TEXT)");
    write("orders", Optional.of(IfExists.FAIL), WriteMode.REPLACE, 1, 2);

    assertThatThrownBy(() -> write("orders", Optional.of(IfExists.FAIL), WriteMode.REPLACE, 3, 3))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "Cannot write entity shop.orders: table "
                + postgres.url()
                + " table orders already has rows and if_exists is fail (set if_exists: append"
                + " or if_exists: replace, or empty the table).");
    assertThat(ids("orders")).containsExactly(List.of("1"), List.of("2"));
    assertThat(postgres.stagingTables()).isEmpty();
  }

  @Test
  void spacesQuotesMixedCaseAndReservedWordsAreQuoted() throws Exception {
    postgres.execute("CREATE SCHEMA \"Sales \"\"Data\"\"\"");
    String table = "Sales \"Data\".My \"Odd\" Table";
    Schema schema =
        new Schema(
            List.of(
                Field.nullable("select", new ArrowType.Int(64, true)),
                Field.nullable("Mixed Case \"col\"", ArrowType.Utf8.INSTANCE)));
    try (VectorSchemaRoot source = SampleBatches.idsAndNames(allocator, 1, 2);
        VectorSchemaRoot batch = new VectorSchemaRoot(schema, source.getFieldVectors(), 2)) {
      postgres.write(table, Optional.empty(), WriteMode.REPLACE, allocator, batch);
      postgres.write(table, Optional.empty(), WriteMode.APPEND, allocator, batch);
    }

    assertThat(
            postgres.rows(
                "SELECT \"select\", \"Mixed Case \"\"col\"\"\""
                    + " FROM \"Sales \"\"Data\"\"\".\"My \"\"Odd\"\" Table\" ORDER BY 1"))
        .containsExactly(
            List.of("1", "name 1"),
            List.of("1", "name 1"),
            List.of("2", "name 2"),
            List.of("2", "name 2"));
    assertThat(postgres.readBack(table, 10, allocator))
        .startsWith("Schema<select: Int(64, true), Mixed Case \"col\": Utf8>");
    assertThat(postgres.stagingTables()).isEmpty();
  }

  @Test
  void anOverflowInALaterBatchLeavesTheTableAsItWasAndNoStagingTable() throws Exception {
    postgres.execute("CREATE TABLE prices (amount NUMERIC(4,2))");
    postgres.execute("INSERT INTO prices VALUES (42.00)");
    Schema schema = new Schema(List.of(Field.nullable("amount", new ArrowType.Decimal(4, 2, 128))));
    try (VectorSchemaRoot good = VectorSchemaRoot.create(schema, allocator);
        VectorSchemaRoot bad = VectorSchemaRoot.create(schema, allocator)) {
      ((DecimalVector) good.getVector(0)).setSafe(0, new BigDecimal("12.34"));
      good.setRowCount(1);
      // The unscaled long skips Arrow's precision check: 12345.67 does not fit NUMERIC(4,2).
      ((DecimalVector) bad.getVector(0)).setSafe(0, 1_234_567L);
      bad.setRowCount(1);

      assertThatThrownBy(
              () ->
                  postgres.write(
                      "prices",
                      Optional.of(IfExists.APPEND),
                      WriteMode.APPEND,
                      allocator,
                      good,
                      bad))
          .isInstanceOf(HyggeException.class)
          .hasMessage(
              "Cannot write entity shop.orders into "
                  + postgres.url()
                  + " table prices: row 2 of the load has 12345.67 in column 'amount', which does"
                  + " not fit the column's type numeric (at most 2 digits before the decimal"
                  + " point); widen the column or filter or cast the value in the home. Nothing"
                  + " was published; the table is as it was.");
    }
    assertThat(postgres.rows("SELECT amount FROM prices")).containsExactly(List.of("42.00"));
    assertThat(postgres.stagingTables()).isEmpty();
  }

  @Test
  void aSwapUnderADependentViewFailsAndPublishesNothing() throws Exception {
    write("orders", Optional.empty(), WriteMode.REPLACE, 1, 1);
    postgres.execute("CREATE VIEW recent AS SELECT id FROM orders");

    assertThatThrownBy(() -> write("orders", Optional.empty(), WriteMode.REPLACE, 5, 6))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.STORE))
        .hasMessageStartingWith(
            "Cannot write entity shop.orders into "
                + postgres.url()
                + " table orders: cannot publish into orders: ")
        .hasMessageContaining("depend");
    assertThat(ids("orders")).containsExactly(List.of("1"));
    assertThat(postgres.rows("SELECT id FROM recent")).containsExactly(List.of("1"));
    assertThat(postgres.stagingTables()).isEmpty();
  }

  @Test
  void aConnectionLostMidLoadCommitsNothing() throws Exception {
    write("orders", Optional.empty(), WriteMode.REPLACE, 1, 1);
    JdbcStore store = new JdbcStore(postgres.server(), "orders", Optional.of(IfExists.APPEND));
    try (VectorSchemaRoot batch = SampleBatches.idsAndNames(allocator, 2, 3);
        StoreWriter writer =
            store.open(
                new WriteRequest(
                    "shop.orders", batch.getSchema(), "run-2", WriteMode.APPEND, allocator))) {
      writer.write(batch);
      postgres.execute(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
              + " WHERE query LIKE 'COPY %' AND pid <> pg_backend_pid()");

      assertThatThrownBy(
              () -> {
                writer.write(batch);
                writer.commit();
              })
          .isInstanceOf(HyggeException.class)
          .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.STORE))
          .hasMessageStartingWith(
              "Cannot write entity shop.orders into " + postgres.url() + " table orders: ")
          .hasMessageContaining("the connection to the database was lost: ")
          .hasMessageEndingWith("Nothing was published; the table is as it was.");
    }
    assertThat(ids("orders")).containsExactly(List.of("1"));
    assertThat(postgres.stagingTables()).isEmpty();
  }

  @Test
  void aQueryHomeReadsSelectedColumnsInBatches() throws Exception {
    write("orders", Optional.empty(), WriteMode.REPLACE, 1, 5);
    JdbcHome home =
        new JdbcHome(
            postgres.server(), Optional.empty(), Optional.of("SELECT id, name FROM orders"));
    StringBuilder read = new StringBuilder();
    try (BatchReader reader =
        home.open(new ReadRequest("shop.orders", List.of("name"), 2, allocator))) {
      while (reader.loadNextBatch()) {
        read.append(reader.root().getRowCount()).append(':');
        read.append(TestDatabase.render(reader.root()));
      }
    }

    assertThat(read.toString()).isEqualTo("2:name 1|\nname 2|\n2:name 3|\nname 4|\n1:name 5|\n");
  }

  @Test
  void aFailedConnectionNamesTheServerButNeverThePassword() {
    PostgresServer unreachable =
        new PostgresServer(
            "jdbc:postgresql://127.0.0.1:1/shop?password=" + SECRET + "&connectTimeout=2",
            Optional.of("loader"),
            Optional.of(SECRET));
    JdbcStore store = new JdbcStore(unreachable, "orders", Optional.empty());

    try (VectorSchemaRoot batch = SampleBatches.idsAndNames(allocator, 1, 1)) {
      assertThatThrownBy(
              () ->
                  store.open(
                      new WriteRequest(
                          "shop.orders", batch.getSchema(), "r", WriteMode.APPEND, allocator)))
          .isInstanceOf(HyggeException.class)
          .hasMessageStartingWith(
              "Cannot connect to PostgreSQL database jdbc:postgresql://127.0.0.1:1/shop as user"
                  + " loader for entity shop.orders: ")
          .hasMessageEndingWith("(check url, user and password).")
          .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.STORE))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }
    assertThat(unreachable.toString()).doesNotContain(SECRET).contains("password=***");
    assertThat(store.describe()).doesNotContain(SECRET);
  }
}
