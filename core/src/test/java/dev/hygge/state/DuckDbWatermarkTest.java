package dev.hygge.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.invoke.EntityReport;
import dev.hygge.invoke.EntityStatus;
import dev.hygge.invoke.RunReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watermarked loads from a real DuckDB home into a real DuckDB store: the predicate is pushed into
 * the query, the watermark advances only after the store commits, full refresh reloads.
 */
class DuckDbWatermarkTest {
  @TempDir Path dir;
  private StateProject project;

  private static String yml(String extra) {
    return """
        name: shop
        flows:
          shop:
            home:
              type: duckdb
              database: source.duckdb
              table: events
            store:
              type: duckdb
              database: lake.duckdb
              table: events
            run_type: incremental
            entities:
              events:
                watermark_column: updated_at
        %s
        """
        .formatted(extra.indent(8).stripTrailing());
  }

  @BeforeEach
  void source() throws Exception {
    project = new StateProject(dir);
    project.duckdb(
        "source.duckdb",
        "CREATE TABLE events (id BIGINT, updated_at TIMESTAMP, note VARCHAR)",
        "INSERT INTO events VALUES (1, '2024-01-01 09:00', 'before initial'),"
            + " (2, '2024-01-02 00:00', 'at initial'), (3, '2024-01-03 10:00', 'after')");
  }

  private List<List<String>> loadedIds() throws Exception {
    return project.rows("lake.duckdb", "SELECT id FROM events ORDER BY id");
  }

  private static EntityReport only(RunReport report) {
    assertThat(report.entities()).hasSize(1);
    return report.entities().get(0);
  }

  @Test
  void theFirstRunStartsAtTheInitialValueAndLaterRunsTakeOnlyNewRows() throws Exception {
    project.write(yml("watermark_initial: 2024-01-02"));

    EntityReport first = only(project.run());
    assertThat(first.status()).as(first.toString()).isEqualTo(EntityStatus.SUCCESS);
    assertThat(first.rows()).isEqualTo(2);
    assertThat(loadedIds()).containsExactly(List.of("2"), List.of("3"));
    assertThat(project.watermark("shop", "events")).contains("2024-01-03T10:00");

    project.duckdb(
        "source.duckdb",
        "INSERT INTO events VALUES (4, '2024-01-04 08:00', 'new'),"
            + " (5, '2024-01-03 09:00', 'late, behind the watermark')");
    EntityReport second = only(project.run());
    assertThat(second.rows()).isEqualTo(1);
    assertThat(loadedIds()).containsExactly(List.of("2"), List.of("3"), List.of("4"));
    assertThat(project.watermark("shop", "events")).contains("2024-01-04T08:00");

    EntityReport third = only(project.run());
    assertThat(third.status()).isEqualTo(EntityStatus.SUCCESS);
    assertThat(third.rows()).isZero();
    assertThat(project.watermark("shop", "events")).contains("2024-01-04T08:00");

    List<RunRecord> history = project.journal().read();
    assertThat(history).hasSize(3);
    assertThat(history.get(0).read()).contains("updated_at >= 2024-01-02T00:00");
    assertThat(history.get(0).watermarkBefore()).isEmpty();
    assertThat(history.get(0).watermarkAfter()).contains("updated_at = 2024-01-03T10:00");
    assertThat(history.get(1).read()).contains("updated_at > 2024-01-03T10:00");
    assertThat(history.get(1).watermarkAfter()).contains("updated_at = 2024-01-04T08:00");
    assertThat(history.get(2).rows()).isZero();
    assertThat(project.store().read(new EntityKey("shop", "events")).orElseThrow().state().lease())
        .as("the lease is given back")
        .isEmpty();
  }

  @Test
  void aLookbackReadsLateRowsAgain() throws Exception {
    project.write(yml("lookback: 1d"));
    assertThat(only(project.run()).rows()).isEqualTo(3);

    project.duckdb("source.duckdb", "INSERT INTO events VALUES (5, '2024-01-03 09:00', 'late')");
    EntityReport second = only(project.run());

    // > 2024-01-02T10:00: the late row 5 and row 3 again (the append store repeats it).
    assertThat(second.rows()).isEqualTo(2);
    assertThat(loadedIds())
        .containsExactly(List.of("1"), List.of("2"), List.of("3"), List.of("3"), List.of("5"));
    assertThat(project.watermark("shop", "events")).contains("2024-01-03T10:00");
  }

  @Test
  void aStoreWhoseCommitFailsLeavesTheWatermarkWhereItWas() throws Exception {
    project.duckdb(
        "lake.duckdb",
        "CREATE TABLE events (id BIGINT PRIMARY KEY, updated_at TIMESTAMP, note VARCHAR)");
    project.write(yml(""));
    assertThat(only(project.run()).status()).isEqualTo(EntityStatus.SUCCESS);
    assertThat(project.watermark("shop", "events")).contains("2024-01-03T10:00");

    project.duckdb("source.duckdb", "INSERT INTO events VALUES (4, '2024-01-05 00:00', 'new')");
    project.duckdb("lake.duckdb", "INSERT INTO events VALUES (4, '2000-01-01', 'collides')");
    EntityReport failed = only(project.run());

    assertThat(failed.status()).isEqualTo(EntityStatus.FAILED);
    assertThat(failed.error().orElseThrow()).contains("Cannot write entity shop.events");
    assertThat(project.watermark("shop", "events")).contains("2024-01-03T10:00");
    RunRecord record = project.journal().read().get(1);
    assertThat(record.status()).isEqualTo("FAILED");
    assertThat(record.watermarkBefore()).isEqualTo(record.watermarkAfter());

    project.duckdb("lake.duckdb", "DELETE FROM events WHERE id = 4");
    EntityReport retried = only(project.run());
    assertThat(retried.rows()).isEqualTo(1);
    assertThat(project.watermark("shop", "events")).contains("2024-01-05T00:00");
  }

  @Test
  void fullRefreshIgnoresTheWatermarkReplacesAndRestartsIt() throws Exception {
    project.write(yml("watermark_initial: 2024-01-03"));
    assertThat(only(project.run()).rows()).isEqualTo(1);

    project.duckdb("source.duckdb", "DELETE FROM events WHERE id = 3");
    EntityReport refreshed = only(project.runFullRefresh());

    assertThat(refreshed.rows()).isEqualTo(2);
    assertThat(loadedIds()).containsExactly(List.of("1"), List.of("2"));
    assertThat(project.watermark("shop", "events")).contains("2024-01-02T00:00");
  }

  @Test
  void aSecondRunOfTheSameEntityIsRefusedWhileTheFirstHoldsItsLease() throws Exception {
    project.write(yml(""));
    LocalStateStore store = project.store();
    new Leases(store, Duration.ofMinutes(10), Clock.systemUTC())
        .acquire(new EntityKey("shop", "events"), "20261127T100000Z-aaaaaa");

    EntityReport refused = only(project.run());

    assertThat(refused.status()).isEqualTo(EntityStatus.FAILED);
    assertThat(refused.error().orElseThrow())
        .startsWith("Entity shop.events is already being run by run 20261127T100000Z-aaaaaa")
        .contains("Two runs of one entity at the same time are refused");
    assertThat(project.rows("lake.duckdb", "SELECT count(*) FROM information_schema.tables"))
        .containsExactly(List.of("0"));
  }

  @Test
  void aCorruptStateFileFailsTheRunWithTheRepair() throws Exception {
    project.write(yml(""));
    only(project.run());
    java.nio.file.Files.writeString(
        project.store().file(new EntityKey("shop", "events")), "{\"format\": 1}");

    EntityReport failed = only(project.run());

    assertThat(failed.status()).isEqualTo(EntityStatus.FAILED);
    assertThat(failed.errorKind()).contains(dev.hygge.ErrorKind.STATE);
    assertThat(failed.error().orElseThrow())
        .contains("is corrupt: 'flow' is missing")
        .contains("run 'hygge reset --entity shop.events'");
  }
}
