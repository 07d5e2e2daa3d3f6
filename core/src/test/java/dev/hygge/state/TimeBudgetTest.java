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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs under a time budget, with real CSV files into a real DuckDB store: an incremental file
 * entity commits a few objects at a time, stops when the next commit would pass the budget, and a
 * continuation takes exactly the rest.
 */
class TimeBudgetTest {
  private static final String YML =
      """
      name: shop
      flows:
        shop:
          home:
            type: csv
            path: landing/{entity}
          store:
            type: duckdb
            database: lake.duckdb
          run_type: incremental
          entities: [orders]
      """;

  @TempDir Path dir;
  private StateProject project;

  @BeforeEach
  void setUp() throws Exception {
    project = new StateProject(dir);
    project.write(YML);
    Path landing = Files.createDirectories(dir.resolve("landing/orders"));
    for (int file = 1; file <= 5; file++) {
      Files.writeString(landing.resolve(file + ".csv"), "id\n" + file + "\n" + (10 + file) + "\n");
    }
  }

  private RunReport run(TimeBudget budget) {
    return new FlowInvoker(ProjectLoader.load(dir))
        .invoke(
            new Invocation.Manual(
                List.of(), List.of(), Invocation.RunOptions.defaults().within(budget)));
  }

  private long count() throws Exception {
    return Long.parseLong(project.rows("lake.duckdb", "SELECT count(*) FROM orders").get(0).get(0));
  }

  @Test
  void withTimeLeftEveryObjectIsLoadedAFewAtATime() throws Exception {
    EntityReport report =
        run(new TimeBudget(Instant.now().plus(Duration.ofHours(1)), 2)).entities().get(0);

    assertThat(report.status()).isEqualTo(EntityStatus.SUCCESS);
    assertThat(report.rows()).isEqualTo(10);
    assertThat(count()).isEqualTo(10);
    assertThat(project.journal().read().get(0).objects()).isEqualTo(5);
  }

  @Test
  void aRunStopsAfterACommitAtTheBudgetAndAContinuationTakesTheRest() throws Exception {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    // Readings: +10 s before the entity starts, +20 s after two objects, +30 s after four: past
    // the budget of 25 s, so the run stops with one object left.
    RunReport stopped =
        run(
            new TimeBudget(
                start.plusSeconds(25), 2, ManualClock.ticking(start, Duration.ofSeconds(10))));

    EntityReport report = stopped.entities().get(0);
    assertThat(report.status()).isEqualTo(EntityStatus.INCOMPLETE);
    assertThat(stopped.incomplete()).containsExactly(report);
    assertThat(report.rows()).isEqualTo(8);
    assertThat(count()).isEqualTo(8);

    EntityReport continued =
        run(new TimeBudget(Instant.now().plus(Duration.ofHours(1)), 2)).entities().get(0);
    assertThat(continued.status()).isEqualTo(EntityStatus.SUCCESS);
    assertThat(continued.rows()).isEqualTo(2);
    assertThat(
            project.rows("lake.duckdb", "SELECT count(*), count(DISTINCT id) FROM orders").get(0))
        .containsExactly("10", "10");
  }

  @Test
  void anEntityNotStartedBeforeTheBudgetRanOutIsLeftForAContinuation() throws Exception {
    EntityReport report = run(new TimeBudget(Instant.now().minusSeconds(1), 2)).entities().get(0);

    assertThat(report.status()).isEqualTo(EntityStatus.INCOMPLETE);
    assertThat(report.rows()).isZero();
    assertThat(project.journal().read())
        .extracting(RunRecord::status)
        .containsExactly("INCOMPLETE");
    assertThat(dir.resolve("lake.duckdb")).as("the store was never opened").doesNotExist();
  }
}
