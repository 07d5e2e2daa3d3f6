package dev.hygge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.flow.BatchReader;
import dev.hygge.flow.ReadRequest;
import dev.hygge.invoke.RunReport;
import dev.hygge.parquet.ParquetHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end through the engine: CSV into PostgreSQL, PostgreSQL into Parquet. */
class PostgresFlowTest {
  private static final String SECRET = "flow-S3cret";
  private static PostgresTestServer postgres;
  @TempDir Path project;

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
    Files.writeString(project.resolve(".env"), "PG_PASSWORD=" + SECRET + "\n");
  }

  private RunReport run(String yml) throws Exception {
    return TestProject.run(project, yml);
  }

  private void csv(String entity, String file, String text) throws Exception {
    TestProject.csv(project, entity, file, text);
  }

  @Test
  void csvFilesLandInPostgresTables() throws Exception {
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
              type: postgres
              url: %s
              user: postgres
              password: ${PG_PASSWORD}
              table: "raw {entity}"
            entities: [orders, customers]
        """
            .formatted(postgres.url());

    RunReport first = run(yml);
    RunReport second = run(yml);

    assertThat(first.succeeded()).as(first.toString()).isTrue();
    assertThat(second.succeeded()).as(second.toString()).isTrue();
    assertThat(first.toString()).doesNotContain(SECRET);
    assertThat(postgres.rows("SELECT id, amount, placed FROM \"raw orders\" ORDER BY id"))
        .containsExactly(
            List.of("1", "2.5", "2024-01-31"),
            List.of("2", "3.5", "2024-02-01"),
            List.of("3", "4.5", "2024-02-02"));
    assertThat(postgres.rows("SELECT name FROM \"raw customers\" ORDER BY id"))
        .containsExactly(List.of("Ann"), List.of("Bo \"B\""));
    assertThat(postgres.stagingTables()).isEmpty();
  }

  @Test
  void aPostgresTableLandsInParquet() throws Exception {
    postgres.execute(
        "CREATE TABLE events AS SELECT i::bigint AS id, DATE '2024-01-01' + i AS day,"
            + " (i * 1.25)::numeric(8,2) AS price FROM generate_series(0, 4) AS t(i)");
    RunReport report =
        run(
            """
            name: shop
            defaults:
              batch_size: 2
            flows:
              copy:
                home:
                  type: postgres
                  url: %s
                  user: postgres
                  password: ${PG_PASSWORD}
                  query: SELECT id, day, price FROM events WHERE id >= 2
                store:
                  type: parquet
                  path: lake/events
            """
                .formatted(postgres.url()));

    assertThat(report.succeeded()).as(report.toString()).isTrue();
    StringBuilder read = new StringBuilder();
    try (RootAllocator allocator = new RootAllocator();
        BatchReader reader =
            new ParquetHome(project.resolve("lake/events"), "lake/events")
                .open(new ReadRequest("copy.events", List.of(), 100, allocator))) {
      read.append(reader.schema()).append('\n');
      while (reader.loadNextBatch()) {
        read.append(TestDatabase.render(reader.root()));
      }
    }
    assertThat(read.toString())
        .isEqualTo(
            "Schema<id: Int(64, true), day: Date(DAY), price: Decimal(8, 2, 128)>\n"
                + "2|19725|2.50|\n3|19726|3.75|\n4|19727|5.00|\n");
    assertThat(java.time.LocalDate.ofEpochDay(19_725)).hasToString("2024-01-03");
  }
}
