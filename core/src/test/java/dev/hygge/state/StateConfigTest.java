package dev.hygge.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.EntityConfig;
import dev.hygge.config.Project;
import dev.hygge.config.ProjectLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code state:} and the watermark run settings as users write them, and their errors. */
class StateConfigTest {
  @TempDir Path dir;

  private Project load(String yml) throws Exception {
    Files.writeString(dir.resolve("hygge.yml"), yml);
    return ProjectLoader.load(dir);
  }

  private static String duckdbFlow(String entity) {
    return """
        flows:
          shop:
            home: {type: duckdb, database: source.duckdb, table: events}
            store: {type: duckdb, database: lake.duckdb}
            run_type: incremental
            entities:
              events:
        %s
        """
        .formatted(entity.indent(8).stripTrailing());
  }

  private HyggeException error(String yml) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> load(yml));
    assertThat(thrown).isInstanceOf(HyggeException.class);
    HyggeException e = (HyggeException) thrown;
    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
    return e;
  }

  @Test
  void stateDefaultsToADirectoryUnderTheProject() throws Exception {
    Project project = load(duckdbFlow("watermark_column: updated_at"));

    assertThat(project.state())
        .isEqualTo(new StateConfig(dir.resolve(".hygge/state"), Duration.ofMinutes(10)));
    EntityConfig events = project.flows().get(0).entities().get(0);
    assertThat(events.watermark())
        .contains(new WatermarkSettings("updated_at", Optional.empty(), Optional.empty()));
  }

  @Test
  void readsTheStateBlockAndTheWatermarkSettings() throws Exception {
    Project project =
        load(
            "state:\n  type: local\n  path: var/state\n  lease_timeout: 2h\n"
                + duckdbFlow("watermark_column: id\nwatermark_initial: \"100\"\nlookback: \"50\""));

    assertThat(project.state())
        .isEqualTo(new StateConfig(dir.resolve("var/state"), Duration.ofHours(2)));
    assertThat(project.flows().get(0).entities().get(0).watermark())
        .contains(
            new WatermarkSettings("id", Optional.of("100"), Optional.of(Lookback.parse("50"))));
  }

  @Test
  void onlyTheKnownBackendsAreAccepted() {
    assertThat(error("state:\n  type: s3\n" + duckdbFlow("watermark_column: id")))
        .hasMessage(
            "Invalid value for 'type' in state in hygge.yml at hygge.yml:2: 's3' is not one of"
                + " local, object, database.");
  }

  @Test
  void objectStateReadsItsLocationWithTheStorageSettings() throws Exception {
    Project project =
        load(
            "state:\n  type: object\n  path: s3://ops/hygge-state\n"
                + "  endpoint: http://127.0.0.1:9000\n  history_limit: 500\n"
                + duckdbFlow("watermark_column: id"));

    StateConfig state = project.state();
    StateLocation.Objects objects = (StateLocation.Objects) state.location();
    assertThat(objects.target().location().toString()).isEqualTo("s3://ops/hygge-state");
    assertThat(objects.target().access().endpoint())
        .contains(java.net.URI.create("http://127.0.0.1:9000"));
    assertThat(state.directory()).isEqualTo(dir.resolve(".hygge/state"));
    assertThat(state.historyLimit()).isEqualTo(500);
    assertThat(state.history()).isEqualTo(StateConfig.HistoryPlace.WITH_STATE);
  }

  @Test
  void historyDirKeepsTheRunHistoryOfObjectStateLocal() throws Exception {
    Project project =
        load(
            "state:\n  type: object\n  path: s3://ops/hygge-state\n  history_dir: var/history\n"
                + duckdbFlow("watermark_column: id"));

    assertThat(project.state().history()).isEqualTo(StateConfig.HistoryPlace.DIRECTORY);
    assertThat(project.state().directory()).isEqualTo(dir.resolve("var/history"));
    try (RunJournal journal = RunJournals.open(project.state())) {
      assertThat(journal).isInstanceOf(LocalRunJournal.class);
      assertThat(journal.describe())
          .isEqualTo(dir.resolve("var/history").resolve(LocalRunJournal.FILE_NAME).toString());
    }
  }

  @Test
  void localStateRefusesAUrlAndStorageSettings() {
    assertThat(error("state:\n  path: s3://ops/state\n" + duckdbFlow("watermark_column: id")))
        .hasMessageContaining("type: local keeps state in a local directory")
        .hasMessageContaining("set type: object");
    assertThat(
            error(
                "state:\n  endpoint: http://127.0.0.1:9000\n" + duckdbFlow("watermark_column: id")))
        .hasMessageContaining("'endpoint'")
        .hasMessageContaining("it does not apply to type: local");
  }

  @Test
  void databaseStateNamesTheDatabaseAndTable() throws Exception {
    Project project =
        load(
            "state:\n  type: database\n  database_type: postgres\n"
                + "  url: jdbc:postgresql://db:5432/ops\n  user: loader\n  password: pw\n"
                + "  table: etl_state\n"
                + duckdbFlow("watermark_column: id"));

    StateLocation.Table table = (StateLocation.Table) project.state().location();
    assertThat(table.table()).isEqualTo("etl_state");
    assertThat(table.database())
        .isEqualTo(
            new dev.hygge.jdbc.postgres.PostgresServer(
                "jdbc:postgresql://db:5432/ops", Optional.of("loader"), Optional.of("pw")));
    assertThat(project.state().directory()).isEqualTo(dir.resolve(".hygge/state"));
  }

  @Test
  void databaseStateNeedsItsDatabase() {
    assertThat(error("state:\n  type: database\n" + duckdbFlow("watermark_column: id")))
        .hasMessageContaining("'database_type'")
        .hasMessageContaining("type: database needs it: duckdb, sqlite or postgres.");
    assertThat(
            error(
                "state:\n  type: database\n  database_type: duckdb\n  url: jdbc:x\n"
                    + duckdbFlow("watermark_column: id")))
        .hasMessageContaining("'url'")
        .hasMessageContaining("database_type: duckdb does not take it");
    assertThat(
            error(
                "state:\n  type: database\n  database_type: sqlite\n  path: s\n"
                    + duckdbFlow("watermark_column: id")))
        .hasMessageContaining("type: database keeps state in its table; remove path.");
  }

  @Test
  void aBadLeaseTimeoutNamesTheForms() {
    assertThat(error("state:\n  lease_timeout: soon\n" + duckdbFlow("watermark_column: id")))
        .hasMessage(
            "Invalid value for 'lease_timeout' in state in hygge.yml at hygge.yml:2: 'soon' is not"
                + " a duration: write a whole number and a unit, e.g. 30s, 10m, 2h, 1d");
  }

  @Test
  void watermarkSettingsWithoutAColumnFail() {
    assertThat(error(duckdbFlow("watermark_initial: 2024-01-01")))
        .hasMessageContaining("Invalid value for 'watermark_initial'")
        .hasMessageContaining("it needs watermark_column, which is not set");
  }

  @Test
  void aFullDropEntityCannotHaveAWatermark() {
    assertThat(
            error(
                duckdbFlow("watermark_column: id")
                    .replace("run_type: incremental", "run_type: full_drop")))
        .hasMessageContaining(
            "Invalid value for 'watermark_column' in run settings of entity shop.events")
        .hasMessageContaining(
            "the entity's run_type is full_drop, which reloads everything;"
                + " set run_type: incremental");
  }

  @Test
  void aFileHomeCannotHaveAWatermark() {
    assertThat(
            error(
                duckdbFlow("watermark_column: id")
                    .replace(
                        "{type: duckdb, database: source.duckdb, table: events}",
                        "{type: csv, path: landing}")))
        .hasMessageContaining(
            "a csv home cannot filter rows by a watermark; database homes can. File homes load"
                + " only new or changed files when run_type is incremental");
  }

  @Test
  void theWatermarkColumnMustBeMoved() {
    assertThat(error(duckdbFlow("watermark_column: updated_at\ncolumns: [id, name]")))
        .hasMessageContaining("'updated_at' is not among the entity's columns (id, name)");
  }

  @Test
  void aLookbackMustBeADurationOrANumber() {
    assertThat(error(duckdbFlow("watermark_column: updated_at\nlookback: a while")))
        .hasMessageContaining("Invalid value for 'lookback'")
        .hasMessageContaining("'a while' is not a duration");
  }
}
