package dev.hygge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.invoke.EntityReport;
import dev.hygge.invoke.EntityStatus;
import dev.hygge.invoke.RunReport;
import dev.hygge.state.EntityKey;
import dev.hygge.state.EntityState;
import dev.hygge.state.LocalStateStore;
import dev.hygge.state.StateConfig;
import dev.hygge.state.StoredWatermark;
import dev.hygge.state.Watermark;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code timestamptz} watermark column (an Arrow timestamp with a time zone) on PostgreSQL,
 * DuckDB and SQLite (where it is UTC text): the bound is pushed down as a TIMESTAMP WITH TIME ZONE
 * (a UTC text on SQLite), compared as an instant, kept in UTC; a lookback moves it back; and state
 * kept for a naive timestamp column fails naming the repair.
 */
class TimestampTzWatermarkTest {
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

  /** Runs statements on the source database of kind {@code kind}. */
  private void source(String kind, String... sql) throws Exception {
    if (kind.equals("postgres")) {
      for (String s : sql) {
        postgres.execute(s);
      }
      return;
    }
    String url =
        kind.equals("duckdb")
            ? "jdbc:duckdb:" + project.resolve("source.duckdb")
            : "jdbc:sqlite:" + project.resolve("source.sqlite");
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    }
  }

  /** A value of the column as the source database takes it in an INSERT. */
  private static String at(String kind, String instant) {
    // SQLite keeps timestamptz as the UTC text hygge writes, e.g. 2024-01-02 08:00:00.000000Z.
    return kind.equals("sqlite")
        ? "'"
            + java.time.Instant.parse(instant).toString().replace('T', ' ').replace("Z", "")
            + (instant.contains(".") ? "" : ".000000")
            + "Z'"
        : "'" + instant + "'";
  }

  private String home(String kind) {
    return switch (kind) {
      case "postgres" ->
          "{type: postgres, url: \"" + postgres.url() + "\", user: postgres, table: events}";
      case "duckdb" -> "{type: duckdb, database: source.duckdb, table: events}";
      default -> "{type: sqlite, database: source.sqlite, table: events}";
    };
  }

  private RunReport run(String kind) throws Exception {
    return TestProject.run(
        project,
        """
        name: shop
        flows:
          tz:
            home: %s
            store: {type: duckdb, database: lake.duckdb, table: "copy_{entity}"}
            run_type: incremental
            entities:
              plain: {watermark_column: changed, watermark_initial: "2024-01-02T00:00:00Z"}
              late: {watermark_column: changed, watermark_initial: "2024-01-02", lookback: 2h}
        """
            .formatted(home(kind)));
  }

  private static Map<String, Long> rows(RunReport report) {
    assertThat(report.succeeded()).as(report.toString()).isTrue();
    return report.entities().stream()
        .collect(Collectors.toMap(EntityReport::entity, EntityReport::rows));
  }

  private LocalStateStore state() {
    return new LocalStateStore(project.resolve(StateConfig.DEFAULT_DIRECTORY));
  }

  private String watermark(String entity) {
    return state()
        .read(new EntityKey("tz", entity))
        .flatMap(v -> v.state().watermark())
        .map(w -> w.value().type().word() + " " + w.value().text())
        .orElse("(none)");
  }

  private void createSource(String kind) throws Exception {
    if (kind.equals("postgres")) {
      postgres.reset();
    }
    source(
        kind,
        "CREATE TABLE events (id BIGINT, changed "
            + (kind.equals("sqlite") ? "TIMESTAMPTZ" : "TIMESTAMP WITH TIME ZONE")
            + ")",
        "INSERT INTO events VALUES (1, "
            + at(kind, "2024-01-01T10:00:00Z")
            + "), (2, "
            + at(kind, kind.equals("sqlite") ? "2024-01-02T08:00:00Z" : "2024-01-02T10:00:00+02:00")
            + "), (3, "
            + at(kind, "2024-01-03T10:00:00Z")
            + ")");
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "duckdb", "sqlite"})
  void incrementalRunsTakeOnlyNewRowsAndALookbackReadsLateOnes(String kind) throws Exception {
    createSource(kind);

    assertThat(rows(run(kind))).containsExactlyInAnyOrderEntriesOf(Map.of("plain", 2L, "late", 2L));
    assertThat(watermark("plain")).isEqualTo("timestamptz 2024-01-03T10:00:00Z");

    source(
        kind,
        "INSERT INTO events VALUES (4, "
            + at(kind, "2024-01-04T10:00:00Z")
            + "), (5, "
            + at(kind, "2024-01-03T09:00:00Z")
            + ")");
    // plain: > 10:00 on the 3rd takes row 4 only; late: > 08:00 takes rows 3, 5 and 4.
    assertThat(rows(run(kind))).containsExactlyInAnyOrderEntriesOf(Map.of("plain", 1L, "late", 3L));
    assertThat(watermark("plain")).isEqualTo("timestamptz 2024-01-04T10:00:00Z");
    assertThat(watermark("late")).isEqualTo("timestamptz 2024-01-04T10:00:00Z");

    // late: > 08:00 on the 4th takes row 4 again.
    assertThat(rows(run(kind))).containsExactlyInAnyOrderEntriesOf(Map.of("plain", 0L, "late", 1L));
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "duckdb"})
  void stateKeptForANaiveTimestampColumnFailsNamingTheRepair(String kind) throws Exception {
    createSource(kind);
    EntityKey plain = new EntityKey("tz", "plain");
    state()
        .write(
            plain,
            new EntityState(
                plain,
                Optional.empty(),
                Optional.of(
                    new StoredWatermark(
                        "changed",
                        new Watermark.Timestamp(LocalDateTime.parse("2024-01-02T00:00")))),
                dev.hygge.state.ObjectJournal.empty(),
                Optional.empty()),
            Optional.empty());

    EntityReport report =
        run(kind).entities().stream()
            .filter(e -> e.entity().equals("plain"))
            .findFirst()
            .orElseThrow();

    assertThat(report.status()).isEqualTo(EntityStatus.FAILED);
    assertThat(report.error().orElseThrow())
        .isEqualTo(
            "The stored watermark of entity tz.plain in "
                + state().describe(plain)
                + " is a timestamp (2024-01-02T00:00), but column 'changed' is now a timestamptz"
                + " column. Run 'hygge reset --entity tz.plain' to start again from"
                + " watermark_initial (with a merge store the reload leaves no duplicates), then"
                + " run the entity again.");
  }
}
