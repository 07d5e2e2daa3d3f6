package dev.hygge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.config.ProjectLoader;
import dev.hygge.state.RunFilter;
import dev.hygge.state.RunJournal;
import dev.hygge.state.RunJournals;
import dev.hygge.state.RunRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * A real {@code hygge go} process halted between commit and advance, on a store with {@code
 * write_strategy: merge}: the next run repeats the window and the repeat leaves no duplicates; then
 * {@code hygge reset} forgets the state, is recorded in the run history, and a full reload merges.
 * Runs with state in a local directory and with state on object storage (local files through the
 * object-store layer).
 */
class MergeCrashRecoveryTest {
  private static final long HALT_DEADLINE_SECONDS = 120;
  private static final long LEASE_LAPSE_MILLIS = 1_100;
  private static final int HALTED_EXIT = 86;

  @TempDir Path project;

  private void sql(String file, String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + project.resolve(file));
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  private String rows() throws Exception {
    StringBuilder text = new StringBuilder();
    try (Connection c =
            DriverManager.getConnection("jdbc:duckdb:" + project.resolve("lake.duckdb"));
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT id, count(*) FROM events GROUP BY id ORDER BY id")) {
      while (r.next()) {
        text.append(r.getLong(1)).append('x').append(r.getLong(2)).append(' ');
      }
    }
    return text.toString().trim();
  }

  /** The run history, wherever the project's state keeps it. */
  private List<RunRecord> history() {
    try (RunJournal journal = RunJournals.open(ProjectLoader.load(project).state())) {
      return journal.last(Integer.MAX_VALUE, RunFilter.all());
    }
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    return cli.execute(args);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "type: local",
        "type: object\n  path: object-state",
        "type: database\n  database_type: duckdb\n  database: state.duckdb",
        "type: database\n  database_type: duckdb\n  database: lake.duckdb"
      })
  void aRepeatedWindowAfterAHaltLeavesNoDuplicates(String state) throws Exception {
    sql(
        "source.duckdb",
        "CREATE TABLE events (id BIGINT, updated_at TIMESTAMP)",
        "INSERT INTO events VALUES (1, '2024-01-01 00:00'), (2, '2024-01-02 00:00')");
    Files.writeString(
        project.resolve("hygge.yml"),
        """
        name: shop
        state:
          %s
          lease_timeout: 1s
        flows:
          shop:
            home: {type: duckdb, database: source.duckdb, table: events}
            store:
              type: duckdb
              database: lake.duckdb
              table: events
              write_strategy: merge
              primary_key: [id]
            run_type: incremental
            entities:
              events:
                watermark_column: updated_at
                watermark_initial: 2024-01-01
        """
            .formatted(state));
    assertThat(run("go", "--project", project.toString())).isZero();
    assertThat(rows()).isEqualTo("1x1 2x1");
    sql("source.duckdb", "INSERT INTO events VALUES (3, '2024-01-03 00:00')");

    Process hygge =
        HyggeProcess.start(
            Map.of(),
            Map.of("hygge.test.halt-after-commit", "shop.events"),
            project.resolve("hygge.log"),
            "go",
            "--project",
            project.toString());
    assertThat(hygge.waitFor(HALT_DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(hygge.exitValue())
        .as(Files.readString(project.resolve("hygge.log")))
        .isEqualTo(HALTED_EXIT);
    assertThat(rows()).as("the halted run committed row 3").isEqualTo("1x1 2x1 3x1");

    Thread.sleep(LEASE_LAPSE_MILLIS);
    assertThat(run("go", "--project", project.toString())).isZero();

    assertThat(rows())
        .as("the window (row 3) was read again and merged: no duplicate")
        .isEqualTo("1x1 2x1 3x1");
    List<RunRecord> history = history();
    RunRecord repeat = history.get(history.size() - 1);
    assertThat(repeat.read()).contains("updated_at > 2024-01-02T00:00");
    assertThat(repeat.rows()).as("row 3 was loaded a second time").isEqualTo(1);
    assertThat(repeat.watermarkAfter()).contains("updated_at = 2024-01-03T00:00");

    assertThat(run("reset", "--project", project.toString(), "--entity", "shop.events", "--yes"))
        .isZero();
    RunRecord reset = history().get(history.size());
    assertThat(reset.status()).isEqualTo(RunRecord.RESET);
    assertThat(reset.watermarkBefore()).contains("updated_at = 2024-01-03T00:00");
    assertThat(run("go", "--project", project.toString())).isZero();
    RunRecord reload = history().get(history.size() + 1);
    assertThat(reload.rows()).as("after the reset every row is read again").isEqualTo(3);
    assertThat(rows()).as("and merged: still no duplicates").isEqualTo("1x1 2x1 3x1");
  }
}
