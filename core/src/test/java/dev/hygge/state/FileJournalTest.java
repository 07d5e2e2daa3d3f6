package dev.hygge.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.invoke.EntityReport;
import dev.hygge.invoke.EntityStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processed-object journal with real CSV files into a real DuckDB store: a scheduled run takes
 * only new or changed files; a full refresh takes them all.
 */
class FileJournalTest {
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
            table: orders
          run_type: incremental
          entities: [orders]
      """;

  @TempDir Path dir;
  private StateProject project;
  private Path landing;

  @BeforeEach
  void setUp() throws Exception {
    project = new StateProject(dir);
    project.write(YML);
    landing = Files.createDirectories(dir.resolve("landing/orders"));
  }

  private void csv(String name, String rows) throws Exception {
    Files.writeString(landing.resolve(name), "id,amount\n" + rows);
  }

  private EntityReport run() {
    List<EntityReport> reports = project.run().entities();
    assertThat(reports).hasSize(1);
    return reports.get(0);
  }

  private List<List<String>> ids() throws Exception {
    return project.rows("lake.duckdb", "SELECT id FROM orders ORDER BY id");
  }

  @Test
  void theSecondScheduledRunTakesOnlyNewAndChangedFiles() throws Exception {
    csv("a.csv", "1,10\n2,20\n");
    csv("b.csv", "3,30\n");
    EntityReport first = run();
    assertThat(first.status()).as(first.toString()).isEqualTo(EntityStatus.SUCCESS);
    assertThat(first.rows()).isEqualTo(3);

    csv("c.csv", "4,40\n");
    EntityReport second = run();
    assertThat(second.rows()).isEqualTo(1);
    assertThat(ids()).containsExactly(List.of("1"), List.of("2"), List.of("3"), List.of("4"));

    EntityReport third = run();
    assertThat(third.status()).isEqualTo(EntityStatus.SUCCESS);
    assertThat(third.rows()).isZero();

    csv("b.csv", "3,30\n5,50\n");
    Files.setLastModifiedTime(
        landing.resolve("b.csv"), FileTime.from(Instant.now().plusSeconds(5)));
    EntityReport changed = run();
    assertThat(changed.rows()).as("a changed file is taken again, whole").isEqualTo(2);

    List<RunRecord> history = project.journal().read();
    assertThat(history).extracting(RunRecord::objects).containsExactly(2, 1, 0, 1);
    assertThat(history.get(1).read()).contains("1 of 3 objects (new or changed)");
    assertThat(
            project
                .store()
                .read(new EntityKey("shop", "orders"))
                .orElseThrow()
                .state()
                .journal()
                .entries())
        .extracting(e -> Path.of(e.object().location()).getFileName().toString())
        .containsExactlyInAnyOrder("a.csv", "b.csv", "c.csv");
  }

  @Test
  void aFullRefreshLoadsEveryFileAndReplaces() throws Exception {
    csv("a.csv", "1,10\n");
    run();
    csv("b.csv", "2,20\n");
    run();
    Files.delete(landing.resolve("a.csv"));

    EntityReport refreshed = project.runFullRefresh().entities().get(0);

    assertThat(refreshed.rows()).isEqualTo(1);
    assertThat(ids()).containsExactly(List.of("2"));
    csv("c.csv", "3,30\n");
    assertThat(run().rows()).isEqualTo(1);
    assertThat(ids()).containsExactly(List.of("2"), List.of("3"));
  }
}
