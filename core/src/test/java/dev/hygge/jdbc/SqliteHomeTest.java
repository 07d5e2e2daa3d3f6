package dev.hygge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.BatchReader;
import dev.hygge.flow.ReadRequest;
import dev.hygge.invoke.RunReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite home: tables written by other tools, queries, missing tables, and a whole flow. */
class SqliteHomeTest {
  private static final TestDatabase DB = TestDatabase.SQLITE;

  @TempDir Path dir;
  private final RootAllocator allocator = new RootAllocator();

  @BeforeEach
  void createTable() throws Exception {
    DB.execute(
        dir,
        "CREATE TABLE \"Order Lines\" (id INT PRIMARY KEY, \"Full Name\" VARCHAR(40),"
            + " price DOUBLE PRECISION, note CLOB, day DATE)");
    DB.execute(
        dir,
        "INSERT INTO \"Order Lines\" VALUES (1, 'Ann', 2.5, 'x', '2024-01-31'),"
            + " (5000000000, 'Bö', NULL, NULL, NULL), (3, NULL, -1, 'z', '1970-01-01')");
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private String read(JdbcHome home, List<String> columns, int batchSize) {
    StringBuilder text = new StringBuilder();
    try (BatchReader reader =
        home.open(new ReadRequest("shop.orders", columns, batchSize, allocator))) {
      text.append(reader.schema()).append('\n');
      while (reader.loadNextBatch()) {
        text.append(reader.root().getRowCount()).append(':');
        text.append(TestDatabase.render(reader.root()));
      }
    }
    return text.toString();
  }

  @Test
  void readsATableOfAnotherToolByTypeAffinity() {
    JdbcHome home = new JdbcHome(DB.file(dir), Optional.of("Order Lines"), Optional.empty());

    assertThat(read(home, List.of(), 2))
        .isEqualTo(
            "Schema<id: Int(64, true), Full Name: Utf8, price: FloatingPoint(DOUBLE), note: Utf8,"
                + " day: Date(DAY)>\n"
                + "2:1|Ann|2.5|x|19753|\n5000000000|Bö|null|null|null|\n"
                + "1:3|null|-1.0|z|0|\n");
  }

  @Test
  void readsSelectedColumnsOfAQuery() {
    JdbcHome home =
        new JdbcHome(
            DB.file(dir),
            Optional.empty(),
            Optional.of("SELECT id, \"Full Name\" FROM \"Order Lines\" WHERE id < 4 ORDER BY id"));

    assertThat(read(home, List.of("Full Name"), 10))
        .isEqualTo("Schema<Full Name: Utf8>\n2:Ann|\nnull|\n");
  }

  @Test
  void aMissingTableFailsNamingItAndTheSetting() {
    JdbcHome home = new JdbcHome(DB.file(dir), Optional.of("order lines"), Optional.empty());

    assertThatThrownBy(() -> read(home, List.of(), 10))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.HOME))
        .hasMessage(
            "Cannot read entity shop.orders from test.sqlite table order lines: table order lines"
                + " does not exist (check 'table:' and the schema; quoted names keep their case).");
  }

  @Test
  void aFlowFromTheSqliteHomeIntoADuckDbStore() throws Exception {
    DB.execute(dir, "CREATE TABLE orders (id INTEGER, name TEXT)");
    DB.execute(dir, "INSERT INTO orders VALUES (1, 'Ann'), (2, 'Bo')");
    RunReport report =
        TestProject.run(
            dir,
            """
            name: shop
            flows:
              sales:
                home:
                  type: sqlite
                  database: test.sqlite
                store:
                  type: duckdb
                  database: test.duckdb
                  write_strategy: merge
                  primary_key: [id]
                entities: [orders]
            """);

    assertThat(report.succeeded()).as(report.toString()).isTrue();
    assertThat(TestDatabase.DUCKDB.rows(dir, "SELECT id, name FROM orders ORDER BY id"))
        .containsExactly(List.of("1", "Ann"), List.of("2", "Bo"));
  }
}
