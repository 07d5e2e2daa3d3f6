package dev.hygge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.BatchReader;
import dev.hygge.flow.ReadRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DuckDB home: tables, queries, column selections, batch sizes and unsupported types. */
class DuckDbHomeTest {
  private static final TestDatabase DB = TestDatabase.DUCKDB;

  @TempDir Path dir;
  private final RootAllocator allocator = new RootAllocator();

  @BeforeEach
  void createTable() throws Exception {
    DB.execute(
        dir,
        "CREATE TABLE orders AS SELECT i AS id, 'n' || i AS \"Full Name\", i * 1.5 AS amount"
            + " FROM range(1, 8) t(i)");
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private List<Integer> batchSizes(
      JdbcHome home, List<String> columns, int batchSize, StringBuilder rows) {
    List<Integer> sizes = new ArrayList<>();
    try (BatchReader reader =
        home.open(new ReadRequest("shop.orders", columns, batchSize, allocator))) {
      rows.append(reader.schema()).append('\n');
      while (reader.loadNextBatch()) {
        sizes.add(reader.root().getRowCount());
        rows.append(TestDatabase.render(reader.root()));
      }
      assertThat(reader.loadNextBatch()).isFalse();
      assertThat(reader.filesRead()).isEqualTo(1);
    }
    return sizes;
  }

  @Test
  void readsTheEntityTableInBatches() {
    JdbcHome home = new JdbcHome(DB.file(dir), Optional.of("{entity}"), Optional.empty());
    StringBuilder rows = new StringBuilder();

    assertThat(batchSizes(home, List.of(), 3, rows)).containsExactly(3, 3, 1);
    assertThat(rows.toString())
        .startsWith("Schema<id: Int(64, true), Full Name: Utf8, amount: Decimal(")
        .contains("\n1|n1|1.5|\n", "\n7|n7|10.5|\n");
  }

  @Test
  void readsSelectedColumnsOfAQuery() {
    JdbcHome home =
        new JdbcHome(
            DB.file(dir),
            Optional.empty(),
            Optional.of("SELECT * FROM orders WHERE id > 5 ORDER BY id DESC"));
    StringBuilder rows = new StringBuilder();

    assertThat(batchSizes(home, List.of("Full Name", "id"), 10, rows)).containsExactly(2);
    assertThat(rows.toString())
        .isEqualTo("Schema<Full Name: Utf8, id: Int(64, true)>\nn7|7|\nn6|6|\n");
  }

  @Test
  void anUnsupportedColumnTypeFailsAtOpenNamingTheColumn() {
    JdbcHome home =
        new JdbcHome(
            DB.file(dir), Optional.empty(), Optional.of("SELECT id, [id, id] AS pair FROM orders"));

    assertThatThrownBy(() -> home.open(new ReadRequest("shop.orders", List.of(), 10, allocator)))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.HOME))
        .hasMessage(
            "Cannot read entity shop.orders from test.duckdb query: column 'pair' has type"
                + " BIGINT[], which hygge cannot read from DuckDB (cast it in a query:).");
  }

  @Test
  void aMissingTableFailsNamingIt() {
    JdbcHome home = new JdbcHome(DB.file(dir), Optional.of("sales.missing"), Optional.empty());

    assertThatThrownBy(() -> home.open(new ReadRequest("shop.orders", List.of(), 10, allocator)))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.HOME))
        .hasMessage(
            "Cannot read entity shop.orders from test.duckdb table sales.missing: table"
                + " sales.missing does not exist (check 'table:' and the schema; quoted names keep"
                + " their case).");
  }

  @Test
  void aMissingDatabaseFileFailsWithoutCreatingIt() {
    DatabaseFile missing =
        new DatabaseFile(DB.dialect(), dir.resolve("nowhere.duckdb"), "nowhere.duckdb");
    JdbcHome home = new JdbcHome(missing, Optional.of("orders"), Optional.empty());

    assertThatThrownBy(() -> home.open(new ReadRequest("shop.orders", List.of(), 10, allocator)))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "Cannot read entity shop.orders: DuckDB database file nowhere.duckdb does not exist"
                + " (check 'database:').");
    assertThat(missing.path()).doesNotExist();
  }
}
