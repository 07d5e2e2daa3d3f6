package dev.hygge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hygge.state.LocalRunJournal;
import dev.hygge.state.RunRecord;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code hygge go --full-refresh}, {@code hygge history} and {@code hygge reset} on a watermarked
 * DuckDB entity, in-process; and a real {@code hygge go} process halted between commit and advance.
 */
class StateCommandsTest {
  private static final String STATE_FILE = ".hygge/state/shop/events.json";
  private static final long HALT_DEADLINE_SECONDS = 120;
  private static final long LEASE_LAPSE_MILLIS = 1_100;

  @TempDir Path project;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final InputStream stdin = System.in;

  @BeforeEach
  void sampleProject() throws Exception {
    sql(
        "source.duckdb",
        "CREATE TABLE events (id BIGINT, updated_at TIMESTAMP)",
        "INSERT INTO events VALUES (1, '2024-01-01 00:00'), (2, '2024-01-02 00:00')");
    Files.writeString(
        project.resolve("hygge.yml"),
        """
        name: shop
        flows:
          shop:
            home: {type: duckdb, database: source.duckdb, table: events}
            store: {type: duckdb, database: lake.duckdb, table: events}
            run_type: incremental
            entities:
              events:
                watermark_column: updated_at
                watermark_initial: 2024-01-02
        """);
  }

  @AfterEach
  void restoreStdin() {
    System.setIn(stdin);
  }

  private void sql(String file, String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + project.resolve(file));
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  private long loaded() throws Exception {
    try (Connection c =
            DriverManager.getConnection("jdbc:duckdb:" + project.resolve("lake.duckdb"));
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM events")) {
      r.next();
      return r.getLong(1);
    }
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void historyShowsEachRunWithItsWatermarks() throws Exception {
    assertThat(run("go", "--project", project.toString())).isZero();
    sql("source.duckdb", "INSERT INTO events VALUES (3, '2024-01-03 00:00')");
    assertThat(run("go", "--project", project.toString())).isZero();

    assertThat(run("history", "--project", project.toString(), "--entity", "shop.events")).isZero();
    String[] lines = out.toString().strip().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0])
        .contains("shop.events  SUCCESS  1 rows")
        .endsWith("watermark (none) -> updated_at = 2024-01-02T00:00");
    assertThat(lines[1])
        .endsWith("watermark updated_at = 2024-01-02T00:00 -> updated_at = 2024-01-03T00:00");

    assertThat(run("history", "--project", project.toString(), "--last", "1", "--json")).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.size()).isEqualTo(1);
    assertThat(json.get(0).get("watermark_after").asText())
        .isEqualTo("updated_at = 2024-01-03T00:00");
    assertThat(json.get(0).get("read").asText()).isEqualTo("updated_at > 2024-01-02T00:00");
    assertThat(json.get(0).get("rows").asLong()).isEqualTo(1);
  }

  @Test
  void resetAsksFirstAndThenForgetsTheWatermark() throws Exception {
    assertThat(run("go", "--project", project.toString())).isZero();
    assertThat(project.resolve(STATE_FILE)).exists();

    System.setIn(new ByteArrayInputStream("n\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(run("reset", "--project", project.toString(), "--entity", "shop.events"))
        .isEqualTo(ExitCodes.ENTITY_FAILED);
    assertThat(out.toString())
        .contains("shop.events  (watermark updated_at = 2024-01-02T00:00, 0 loaded files)")
        .contains("Reset? [y/N] ")
        .contains("Nothing was reset.");
    assertThat(project.resolve(STATE_FILE)).exists();

    System.setIn(new ByteArrayInputStream("y\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(run("reset", "--project", project.toString(), "--flow", "shop")).isZero();
    assertThat(out.toString()).contains("Reset shop.events.");
    assertThat(project.resolve(STATE_FILE)).doesNotExist();
    RunRecord reset = new LocalRunJournal(project.resolve(".hygge/state")).read().get(1);
    assertThat(reset.status()).isEqualTo(RunRecord.RESET);
    assertThat(reset.qualifiedName()).isEqualTo("shop.events");
    assertThat(reset.watermarkBefore()).contains("updated_at = 2024-01-02T00:00");

    assertThat(run("go", "--project", project.toString())).isZero();
    assertThat(loaded()).as("the next run starts again from watermark_initial").isEqualTo(2);
  }

  @Test
  void resetWithYesRepairsACorruptStateFile() throws Exception {
    assertThat(run("go", "--project", project.toString())).isZero();
    Files.writeString(project.resolve(STATE_FILE), "not json");
    assertThat(run("go", "--project", project.toString())).isEqualTo(ExitCodes.ENTITY_FAILED);

    assertThat(run("reset", "--project", project.toString(), "--entity", "shop.events", "--yes"))
        .isZero();
    assertThat(out.toString()).contains("unreadable state: The state of entity shop.events");

    assertThat(run("go", "--project", project.toString())).isZero();
  }

  @Test
  void resetNeedsASelection() {
    assertThat(run("reset", "--project", project.toString())).isEqualTo(ExitCodes.CONFIG_ERROR);
    assertThat(err.toString()).contains("Name what to reset: --flow FLOW or --entity FLOW.ENTITY.");
  }

  @Test
  void dryRunSaysWhatTheNextRunWouldRead() throws Exception {
    assertThat(run("go", "--project", project.toString(), "--dry-run")).isZero();
    assertThat(out.toString())
        .contains("(incremental, reads updated_at >= 2024-01-02 (first run))");

    assertThat(run("go", "--project", project.toString())).isZero();
    assertThat(run("go", "--project", project.toString(), "--dry-run")).isZero();
    assertThat(out.toString()).contains("(incremental, reads updated_at > 2024-01-02T00:00)");

    assertThat(run("go", "--project", project.toString(), "--dry-run", "--full-refresh")).isZero();
    assertThat(out.toString())
        .contains("(full_drop, reloads everything; the watermark and file journal restart)");
  }

  @Test
  void fullRefreshReloadsEverything() throws Exception {
    assertThat(run("go", "--project", project.toString())).isZero();
    assertThat(loaded()).isEqualTo(1);

    assertThat(run("go", "--project", project.toString(), "--full-refresh")).isZero();

    assertThat(loaded()).isEqualTo(2);
  }

  @Test
  void aRunHaltedBetweenCommitAndAdvanceRepeatsItsWindow() throws Exception {
    assertThat(run("go", "--project", project.toString())).isZero();
    sql("source.duckdb", "INSERT INTO events VALUES (3, '2024-01-03 00:00')");
    JsonNode before = new ObjectMapper().readTree(project.resolve(STATE_FILE).toFile());
    // A short lease, so the halted run's lease lapses quickly.
    Files.writeString(
        project.resolve("hygge.yml"),
        Files.readString(project.resolve("hygge.yml")) + "state:\n  lease_timeout: 1s\n");

    Process hygge =
        HyggeProcess.start(
            Map.of(),
            Map.of("hygge.test.halt-after-commit", "shop.events"),
            project.resolve("hygge.log"),
            "go",
            "--project",
            project.toString());
    assertThat(hygge.waitFor(HALT_DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();

    assertThat(hygge.exitValue()).as(Files.readString(project.resolve("hygge.log"))).isEqualTo(86);
    assertThat(loaded()).as("the store committed the new row").isEqualTo(2);
    JsonNode after = new ObjectMapper().readTree(project.resolve(STATE_FILE).toFile());
    assertThat(after.get("watermark"))
        .as("the watermark did not advance")
        .isEqualTo(before.get("watermark"));
    assertThat(after.get("last_run_id")).isEqualTo(before.get("last_run_id"));
    assertThat(after.has("lease")).as("the halted run's lease is left to lapse").isTrue();

    Thread.sleep(LEASE_LAPSE_MILLIS);

    assertThat(run("go", "--project", project.toString())).isZero();
    assertThat(loaded()).as("the window was read again: row 3 twice").isEqualTo(3);
    assertThat(run("history", "--project", project.toString(), "--last", "1", "--json")).isZero();
    JsonNode last = new ObjectMapper().readTree(out.toString()).get(0);
    assertThat(last.get("read").asText()).isEqualTo("updated_at > 2024-01-02T00:00");
    assertThat(last.get("watermark_after").asText()).isEqualTo("updated_at = 2024-01-03T00:00");
  }

  @Test
  void aRunInAnotherProcessHoldingTheEntityRefusesThisOne() throws Exception {
    Process hygge =
        HyggeProcess.start(
            Map.of(),
            Map.of("hygge.test.halt-after-commit", "shop.events"),
            project.resolve("hygge.log"),
            "go",
            "--project",
            project.toString());
    assertThat(hygge.waitFor(HALT_DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(hygge.exitValue()).as(Files.readString(project.resolve("hygge.log"))).isEqualTo(86);
    JsonNode lease = new ObjectMapper().readTree(project.resolve(STATE_FILE).toFile()).get("lease");

    assertThat(run("go", "--project", project.toString())).isEqualTo(ExitCodes.ENTITY_FAILED);

    assertThat(out.toString())
        .contains(
            "Entity shop.events is already being run by run "
                + lease.get("run_id").asText()
                + " (started "
                + lease.get("acquired").asText()
                + "; its lease expires at "
                + lease.get("expires").asText()
                + ").");
    assertThat(run("reset", "--project", project.toString(), "--entity", "shop.events", "--yes"))
        .isEqualTo(ExitCodes.ENTITY_FAILED);
    assertThat(err.toString())
        .contains("Cannot reset entity shop.events: run " + lease.get("run_id").asText());
  }
}
