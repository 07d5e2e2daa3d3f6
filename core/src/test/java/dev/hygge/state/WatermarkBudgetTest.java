package dev.hygge.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.config.ProjectLoader;
import dev.hygge.flow.TimeBudget;
import dev.hygge.invoke.EntityReport;
import dev.hygge.invoke.EntityStatus;
import dev.hygge.invoke.FlowInvoker;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.RunReport;
import dev.hygge.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watermark entity from a real DuckDB home into a real DuckDB store under a time budget: the run
 * reads in the watermark's order, stops between two watermark values once the next batch would end
 * past the budget (never inside a run of equal values that straddles batches), commits and advances
 * the watermark, and continuations take exactly the rest.
 *
 * <p>The budget's clock ticks 10 s at every reading: the invoker reads it once before the entity
 * (10 s), the flow once as it starts reading (20 s) and once after each batch written (20 s + 10 s
 * per batch, so 10 s per batch). With the budget at 75 s, the next batch would end past it after
 * the fifth batch.
 */
class WatermarkBudgetTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final int ROWS = 1000;
  private static final int ROWS_WITHOUT_VALUE = 5;

  @TempDir Path dir;
  private StateProject project;

  private static final String YML =
      """
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
            defaults:
              batch_size: 50
            entities:
              events:
                watermark_column: updated_at
        """;

  /**
   * 1000 rows whose {@code updated_at} is {@code id / 7} minutes into 2024 (seven rows share each
   * value, so values straddle the batches of 50), except ids 201 to 400, which all share the value
   * of id 201, and five rows without a value.
   */
  @BeforeEach
  void source() throws Exception {
    project = new StateProject(dir);
    project.duckdb(
        "source.duckdb",
        "CREATE TABLE events (id BIGINT, updated_at TIMESTAMP, note VARCHAR)",
        "INSERT INTO events SELECT i, TIMESTAMP '2024-01-01' + to_minutes((CASE WHEN i BETWEEN 201"
            + " AND 400 THEN 201 ELSE i END) // 7), 'row ' || i FROM range(1, "
            + (ROWS + 1)
            + ") t(i)",
        "INSERT INTO events SELECT i, NULL, 'no value' FROM range(1001, "
            + (1001 + ROWS_WITHOUT_VALUE)
            + ") t(i)");
    project.write(YML);
  }

  private RunReport run(TimeBudget budget) {
    return new FlowInvoker(ProjectLoader.load(dir))
        .invoke(
            new Invocation.Manual(
                List.of(), List.of(), Invocation.RunOptions.defaults().within(budget)));
  }

  private static TimeBudget budgetOfSevenBatches() {
    return new TimeBudget(
        START.plusSeconds(75),
        TimeBudget.DEFAULT_OBJECTS_PER_COMMIT,
        ManualClock.ticking(START, Duration.ofSeconds(10)));
  }

  private static EntityReport only(RunReport report) {
    assertThat(report.entities()).hasSize(1);
    return report.entities().get(0);
  }

  private long loaded(String where) throws Exception {
    return Long.parseLong(
        project.rows("lake.duckdb", "SELECT count(*) FROM events WHERE " + where).get(0).get(0));
  }

  @Test
  void aRunStopsBetweenTwoWatermarkValuesAndContinuationsTakeEveryRowOnce() throws Exception {
    EntityReport first = only(run(budgetOfSevenBatches()));

    // Out of time after batch 5 (the rows without a value first, then ids 1..245), but the value
    // of ids 196..400 goes on, and so do those of ids 441..447 and 490..496 across the next
    // boundaries: the run stops after batch 11, at id 545, whose value 01:17 ends with it.
    assertThat(first.status()).as(first.toString()).isEqualTo(EntityStatus.INCOMPLETE);
    assertThat(first.rows()).isEqualTo(550);
    assertThat(project.watermark("shop", "events")).contains("2024-01-01T01:17");
    assertThat(loaded("updated_at IS NULL")).isEqualTo(ROWS_WITHOUT_VALUE);
    assertThat(loaded("id BETWEEN 1 AND 545")).isEqualTo(545);
    assertThat(loaded("id BETWEEN 546 AND 1000")).isZero();
    RunRecord record = project.journal().read().get(0);
    assertThat(record.status()).isEqualTo("INCOMPLETE");
    assertThat(record.read()).contains("every row, in order of updated_at");
    assertThat(record.watermarkAfter()).contains("updated_at = 2024-01-01T01:17");

    List<Long> continued = new ArrayList<>();
    EntityReport last = first;
    while (last.status() == EntityStatus.INCOMPLETE && continued.size() < 10) {
      last = only(run(budgetOfSevenBatches()));
      continued.add(last.rows());
    }

    // Ids 546..795 in five batches, then equal values across two more boundaries: 350 rows to
    // id 895 (value 02:07); the last 105 rows in three batches.
    assertThat(continued).containsExactly(350L, 105L);
    assertThat(last.status()).isEqualTo(EntityStatus.SUCCESS);
    assertThat(project.rows("lake.duckdb", "SELECT count(*), count(DISTINCT id) FROM events"))
        .containsExactly(List.of("1005", "1005"));
    assertThat(project.watermark("shop", "events")).contains("2024-01-01T02:22");
    assertThat(project.journal().read().get(1).read())
        .contains("updated_at > 2024-01-01T01:17, in order of updated_at");
  }

  @Test
  void withoutABudgetTheRunReadsEverythingUnordered() throws Exception {
    EntityReport report = only(new StateProject(dir).run());

    assertThat(report.status()).isEqualTo(EntityStatus.SUCCESS);
    assertThat(report.rows()).isEqualTo(ROWS + ROWS_WITHOUT_VALUE);
    assertThat(project.journal().read().get(0).read()).isEmpty();
    assertThat(project.watermark("shop", "events")).contains("2024-01-01T02:22");
  }

  @Test
  void aRunWithTimeLeftReadsToTheEnd() throws Exception {
    EntityReport report =
        only(
            run(
                new TimeBudget(
                    Instant.now().plus(Duration.ofHours(1)),
                    TimeBudget.DEFAULT_OBJECTS_PER_COMMIT)));

    assertThat(report.status()).isEqualTo(EntityStatus.SUCCESS);
    assertThat(report.rows()).isEqualTo(ROWS + ROWS_WITHOUT_VALUE);
    assertThat(project.watermark("shop", "events")).contains("2024-01-01T02:22");
  }

  @Test
  void aStoreWhoseCommitFailsAtTheStopLeavesTheWatermarkUnchanged() throws Exception {
    project.duckdb(
        "lake.duckdb",
        "CREATE TABLE events (id BIGINT PRIMARY KEY, updated_at TIMESTAMP, note VARCHAR)",
        "INSERT INTO events VALUES (100, '2000-01-01', 'collides')");

    EntityReport failed = only(run(budgetOfSevenBatches()));

    assertThat(failed.status()).isEqualTo(EntityStatus.FAILED);
    assertThat(failed.rows()).isZero();
    assertThat(failed.error().orElseThrow()).contains("Cannot write entity shop.events");
    assertThat(project.watermark("shop", "events")).isEmpty();
    assertThat(loaded("true")).isEqualTo(1);

    project.duckdb("lake.duckdb", "DELETE FROM events WHERE id = 100");
    EntityReport retried = only(run(budgetOfSevenBatches()));
    assertThat(retried.status()).isEqualTo(EntityStatus.INCOMPLETE);
    assertThat(retried.rows()).isEqualTo(550);
    assertThat(project.watermark("shop", "events")).contains("2024-01-01T01:17");
  }
}
