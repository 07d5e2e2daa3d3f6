package dev.hygge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.invoke.RunReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** End to end through the engine: CSV files into each database store, DuckDB into SQLite. */
class JdbcFlowTest {
  @TempDir Path project;

  private RunReport run(String yml) throws Exception {
    return TestProject.run(project, yml);
  }

  private void csv(String entity, String file, String text) throws Exception {
    TestProject.csv(project, entity, file, text);
  }

  private static String storeType(TestDatabase db) {
    return db.name().toLowerCase(java.util.Locale.ROOT);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void csvFilesLandInTheDatabaseTable(TestDatabase db) throws Exception {
    csv("orders", "a.csv", "id,amount,placed\n1,2.5,2024-01-31\n2,3.5,2024-02-01\n");
    csv("orders", "b.csv", "id,amount,placed\n3,4.5,2024-02-02\n");
    csv("customers", "a.csv", "id,name\n1,Ann\n2,Bo \"B\"\n");
    String yml =
        """
        name: shop
        defaults:
          batch_size: 2
        flows:
          sales:
            home:
              type: csv
              path: landing
            store:
              type: %s
              database: %s
              table: "raw {entity}"
            entities: [orders, customers]
        """
            .formatted(storeType(db), db.file(project).display());

    RunReport first = run(yml);
    RunReport second = run(yml);

    assertThat(first.succeeded()).as(first.toString()).isTrue();
    assertThat(second.succeeded()).as(second.toString()).isTrue();
    assertThat(db.rows(project, "SELECT id, amount, placed FROM \"raw orders\" ORDER BY id"))
        .containsExactly(
            List.of("1", "2.5", "2024-01-31"),
            List.of("2", "3.5", "2024-02-01"),
            List.of("3", "4.5", "2024-02-02"));
    assertThat(db.rows(project, "SELECT name FROM \"raw customers\" ORDER BY id"))
        .containsExactly(List.of("Ann"), List.of("Bo \"B\""));
    assertThat(db.stagingTables(project)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void aBadRowInALaterBatchLeavesTheTableAsItWas(TestDatabase db) throws Exception {
    db.execute(project, "CREATE TABLE orders (id BIGINT)");
    db.execute(project, "INSERT INTO orders VALUES (42)");
    csv("orders", "a.csv", "id\n1\n2\n3\n4\n");
    csv("orders", "b.csv", "id\n5\nnot a number\n");
    String yml =
        """
        name: shop
        defaults:
          batch_size: 2
        flows:
          sales:
            home:
              type: csv
              path: landing
              schema:
                id: int64
            store:
              type: %s
              database: %s
              if_exists: replace
            entities: [orders]
        """
            .formatted(storeType(db), db.file(project).display());

    RunReport report = run(yml);

    assertThat(report.succeeded()).isFalse();
    assertThat(report.entities().get(0).error().orElseThrow()).contains("b.csv", "not a number");
    assertThat(db.rows(project, "SELECT id FROM orders")).containsExactly(List.of("42"));
    assertThat(db.stagingTables(project)).isEmpty();
  }

  @Test
  void aDuckDbQueryLandsInSqlite() throws Exception {
    TestDatabase.DUCKDB.execute(
        project,
        "CREATE TABLE events AS SELECT i AS id, DATE '2024-01-01' + i::INTEGER AS day"
            + " FROM range(5) t(i)");
    RunReport report =
        run(
            """
            name: shop
            flows:
              copy:
                home:
                  type: duckdb
                  database: test.duckdb
                  query: SELECT id, day FROM events WHERE id >= 3
                store:
                  type: sqlite
                  database: test.sqlite
                  table: copied
            """);

    assertThat(report.succeeded()).as(report.toString()).isTrue();
    assertThat(TestDatabase.SQLITE.rows(project, "SELECT id, day FROM copied ORDER BY id"))
        .containsExactly(List.of("3", "2024-01-04"), List.of("4", "2024-01-05"));
  }
}
