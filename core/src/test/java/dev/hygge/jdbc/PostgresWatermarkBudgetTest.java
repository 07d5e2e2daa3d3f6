package dev.hygge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.config.ProjectLoader;
import dev.hygge.flow.TimeBudget;
import dev.hygge.invoke.EntityReport;
import dev.hygge.invoke.EntityStatus;
import dev.hygge.invoke.FlowInvoker;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.RunReport;
import dev.hygge.state.EntityKey;
import dev.hygge.state.LocalStateStore;
import dev.hygge.state.StateConfig;
import dev.hygge.testing.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An integer watermark read from real (embedded) PostgreSQL into PostgreSQL under a time budget:
 * the home is configured to read in four partitions, but under the budget it reads through one
 * ordered cursor, stops between two watermark values, and continuations take exactly the rest.
 *
 * <p>The budget's clock ticks 10 s at every reading: once before the entity (10 s), once as the
 * flow starts reading (20 s), once after each batch written. With the budget at 75 s, the next
 * batch would end past it after the fifth batch of 50 rows.
 */
class PostgresWatermarkBudgetTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
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

  /**
   * 1000 rows whose {@code version} is {@code id / 7} (seven rows share each value, straddling the
   * batches of 50), except ids 201 to 400, which all share the value 28 of ids 196 to 200.
   */
  @BeforeEach
  void source() throws Exception {
    postgres.reset();
    postgres.execute("CREATE TABLE events (id bigint, version bigint, note text)");
    postgres.execute(
        "INSERT INTO events SELECT i, (CASE WHEN i BETWEEN 201 AND 400 THEN 201 ELSE i END) / 7,"
            + " 'row ' || i FROM generate_series(1, 1000) AS i");
    String connection =
        """
        url: %s
        user: postgres
        """
            .formatted(postgres.url());
    Files.writeString(
        project.resolve("hygge.yml"),
        """
        name: shop
        flows:
          pg:
            home:
              type: postgres
        %1$s
              table: events
              partition_column: id
              partitions: 4
            store:
              type: postgres
        %1$s
              table: "copy_{entity}"
            run_type: incremental
            defaults:
              batch_size: 50
            entities:
              events: {watermark_column: version, watermark_initial: 0}
        """
            .formatted(connection.indent(6).stripTrailing()));
  }

  private RunReport run(TimeBudget budget) {
    return new FlowInvoker(ProjectLoader.load(project))
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

  private String watermark() {
    return new LocalStateStore(project.resolve(StateConfig.DEFAULT_DIRECTORY))
        .read(new EntityKey("pg", "events"))
        .flatMap(v -> v.state().watermark())
        .map(w -> w.value().text())
        .orElse("(none)");
  }

  @Test
  void runsStopBetweenTwoWatermarkValuesAndTheirUnionIsTheTableOnce() throws Exception {
    EntityReport first = only(run(budgetOfSevenBatches()));

    // Out of time after batch 5 (ids 1..250), inside value 28 (ids 196..400): the run goes on to
    // id 400, where value 28 ends, and stops before value 57.
    assertThat(first.status()).as(first.toString()).isEqualTo(EntityStatus.INCOMPLETE);
    assertThat(first.rows()).isEqualTo(400);
    assertThat(watermark()).isEqualTo("28");
    assertThat(postgres.rows("SELECT min(id), max(id), count(*) FROM copy_events"))
        .containsExactly(List.of("1", "400", "400"));

    List<Long> continued = new ArrayList<>();
    EntityReport last = first;
    while (last.status() == EntityStatus.INCOMPLETE && continued.size() < 10) {
      last = only(run(budgetOfSevenBatches()));
      continued.add(last.rows());
    }

    // version > 28: ids 401..650 in five batches end with value 92 (ids 644..650), below the next
    // batch's 93, so the second run stops there; the third takes ids 651..1000.
    assertThat(continued).containsExactly(250L, 350L);
    assertThat(last.status()).isEqualTo(EntityStatus.SUCCESS);
    assertThat(postgres.rows("SELECT count(*), count(DISTINCT id) FROM copy_events"))
        .containsExactly(List.of("1000", "1000"));
    assertThat(watermark()).isEqualTo("142");
  }

  @Test
  void withoutABudgetTheSameEntityReadsEverythingInOneRun() throws Exception {
    RunReport report = new FlowInvoker(ProjectLoader.load(project)).invoke(Invocation.Manual.all());

    assertThat(only(report).status()).isEqualTo(EntityStatus.SUCCESS);
    assertThat(only(report).rows()).isEqualTo(1000);
    assertThat(postgres.rows("SELECT count(*), count(DISTINCT id) FROM copy_events"))
        .containsExactly(List.of("1000", "1000"));
    assertThat(watermark()).isEqualTo("142");
  }
}
