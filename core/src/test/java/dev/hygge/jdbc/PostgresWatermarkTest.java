package dev.hygge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.invoke.EntityReport;
import dev.hygge.invoke.RunReport;
import dev.hygge.state.EntityKey;
import dev.hygge.state.LocalStateStore;
import dev.hygge.state.StateConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watermarks of each kind (timestamp, date, text, integer) pushed into real PostgreSQL reads, from
 * a table and from a query, with and without lookback.
 */
class PostgresWatermarkTest {
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
  void source() throws Exception {
    postgres.reset();
    postgres.execute("CREATE TABLE events (id bigint, changed timestamp, day date, code text)");
    postgres.execute(
        "INSERT INTO events VALUES (1, '2024-01-01 10:00', '2024-01-01', 'a'),"
            + " (2, '2024-01-02 10:00', '2024-01-02', 'b'), (3, '2024-01-03 10:00', '2024-01-03', 'c')");
  }

  private String yml() {
    String connection =
        """
        url: %s
        user: postgres
        """
            .formatted(postgres.url());
    return """
        name: shop
        flows:
          pg:
            home:
              type: postgres
        %1$s
              table: events
            store:
              type: postgres
        %1$s
              table: "copy_{entity}"
            run_type: incremental
            entities:
              by_ts: {watermark_column: changed, watermark_initial: "2024-01-02 00:00"}
              by_day: {watermark_column: day, watermark_initial: 2024-01-02, lookback: 1d}
              by_code: {watermark_column: code, watermark_initial: b}
          pg_query:
            home:
              type: postgres
        %1$s
              query: SELECT id, code FROM events
            store:
              type: postgres
        %1$s
              table: "copy_{entity}"
            run_type: incremental
            entities:
              by_id: {watermark_column: id, watermark_initial: 2, lookback: 1}
        """
        .formatted(connection.indent(6).stripTrailing());
  }

  private Map<String, Long> rowsByEntity(RunReport report) {
    assertThat(report.succeeded()).as(report.toString()).isTrue();
    return report.entities().stream()
        .collect(Collectors.toMap(EntityReport::entity, EntityReport::rows));
  }

  private String watermark(String flow, String entity) {
    return new LocalStateStore(project.resolve(StateConfig.DEFAULT_DIRECTORY))
        .read(new EntityKey(flow, entity))
        .flatMap(v -> v.state().watermark())
        .map(w -> w.value().text())
        .orElse("(none)");
  }

  private List<List<String>> ids(String entity) throws Exception {
    return postgres.rows("SELECT id FROM copy_" + entity + " ORDER BY id");
  }

  @Test
  void eachKindOfWatermarkFiltersInThePostgresQuery() throws Exception {
    assertThat(rowsByEntity(TestProject.run(project, yml())))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("by_ts", 2L, "by_day", 2L, "by_code", 2L, "by_id", 2L));

    postgres.execute("INSERT INTO events VALUES (4, '2024-01-04 10:00', '2024-01-04', 'd')");
    assertThat(rowsByEntity(TestProject.run(project, yml())))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("by_ts", 1L, "by_day", 2L, "by_code", 1L, "by_id", 2L));

    assertThat(ids("by_ts")).containsExactly(List.of("2"), List.of("3"), List.of("4"));
    assertThat(ids("by_day"))
        .as("the 1d lookback reads day 3 again")
        .containsExactly(List.of("2"), List.of("3"), List.of("3"), List.of("4"));
    assertThat(ids("by_code")).containsExactly(List.of("2"), List.of("3"), List.of("4"));
    assertThat(ids("by_id"))
        .containsExactly(List.of("2"), List.of("3"), List.of("3"), List.of("4"));
    assertThat(watermark("pg", "by_ts")).isEqualTo("2024-01-04T10:00");
    assertThat(watermark("pg", "by_day")).isEqualTo("2024-01-04");
    assertThat(watermark("pg", "by_code")).isEqualTo("d");
    assertThat(watermark("pg_query", "by_id")).isEqualTo("4");
  }

  @Test
  void anUnknownWatermarkColumnFailsNamingIt() throws Exception {
    RunReport report =
        TestProject.run(
            project, yml().replace("watermark_column: changed", "watermark_column: chnged"));

    EntityReport byTs =
        report.entities().stream()
            .filter(e -> e.entity().equals("by_ts"))
            .findFirst()
            .orElseThrow();
    assertThat(byTs.error().orElseThrow())
        .startsWith("Cannot read entity pg.by_ts from ")
        .contains("cannot find watermark_column 'chnged'")
        .endsWith("Check watermark_column: it must be a column of the table or query.");
  }
}
