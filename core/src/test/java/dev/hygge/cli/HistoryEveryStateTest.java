package dev.hygge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code hygge history} and the record of {@code hygge reset} with each kind of state: the run
 * history goes where the state goes (runs.jsonl, objects under the state prefix, a table beside the
 * state table), and nothing is written to the local state directory when state is elsewhere.
 */
class HistoryEveryStateTest {
  @TempDir Path project;
  private final StringWriter out = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    return cli.execute(args);
  }

  private void sql(String file, String statement) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + project.resolve(file));
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private long count(String file, String query) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + project.resolve(file));
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(query)) {
      r.next();
      return r.getLong(1);
    }
  }

  private JsonNode history(String... options) throws Exception {
    String[] args = new String[options.length + 4];
    args[0] = "history";
    args[1] = "--project";
    args[2] = project.toString();
    args[3] = "--json";
    System.arraycopy(options, 0, args, 4, options.length);
    assertThat(run(args)).isZero();
    return new ObjectMapper().readTree(out.toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "type: local",
        "type: object\n  path: object-state",
        "type: database\n  database_type: duckdb\n  database: state.duckdb"
      })
  void historyAndResetFollowTheState(String state) throws Exception {
    sql("source.duckdb", "CREATE TABLE events (id BIGINT, updated_at TIMESTAMP)");
    sql("source.duckdb", "INSERT INTO events VALUES (1, '2024-01-01 00:00')");
    Files.writeString(
        project.resolve("hygge.yml"),
        """
        name: shop
        state:
          %s
        flows:
          shop:
            home: {type: duckdb, database: source.duckdb, table: events}
            store: {type: duckdb, database: lake.duckdb, table: events}
            run_type: incremental
            entities:
              events:
                watermark_column: updated_at
              clicks:
                watermark_column: updated_at
                store: {type: duckdb, database: clicks.duckdb, table: clicks}
        """
            .formatted(state));
    assertThat(run("go", "--project", project.toString(), "--entity", "shop.events")).isZero();
    sql("source.duckdb", "INSERT INTO events VALUES (2, '2024-01-02 00:00')");
    assertThat(run("go", "--project", project.toString())).as(out.toString()).isZero();
    assertThat(run("reset", "--project", project.toString(), "--entity", "shop.events", "--yes"))
        .isZero();

    JsonNode all = history("--last", "10");
    assertThat(all.size()).isEqualTo(4);
    assertThat(all.get(0).get("entity").asText()).isEqualTo("events");
    assertThat(all.get(0).get("watermark_after").asText())
        .isEqualTo("updated_at = 2024-01-01T00:00");
    assertThat(all.get(3).get("status").asText()).isEqualTo("RESET");
    assertThat(all.get(3).get("watermark_before").asText())
        .isEqualTo("updated_at = 2024-01-02T00:00");

    JsonNode events = history("--entity", "shop.events", "--last", "2");
    assertThat(events.size()).isEqualTo(2);
    assertThat(events.get(0).get("rows").asLong()).isEqualTo(1);
    assertThat(events.get(0).get("read").asText()).isEqualTo("updated_at > 2024-01-01T00:00");
    assertThat(events.get(1).get("status").asText()).isEqualTo("RESET");
    assertThat(history("--flow", "shop", "--entity", "shop.clicks").size()).isEqualTo(1);

    boolean local = state.equals("type: local");
    assertThat(project.resolve(".hygge/state/runs.jsonl").toFile().exists()).isEqualTo(local);
    if (state.contains("object")) {
      try (var files = Files.walk(project.resolve("object-state/runs"))) {
        assertThat(
                files
                    .map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".json") && !name.startsWith("."))
                    .toList())
            .hasSize(4);
      }
    }
    if (state.contains("database")) {
      assertThat(count("state.duckdb", "SELECT count(*) FROM hygge_runs")).isEqualTo(4);
    }
  }
}
