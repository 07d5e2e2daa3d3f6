package dev.hygge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.state.DatabaseRunJournal;
import dev.hygge.state.DatabaseStateStore;
import dev.hygge.state.RunHistoryChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The run history in a table beside the state table, on DuckDB, SQLite and PostgreSQL. */
class DatabaseRunHistoryTest extends EveryDatabase {
  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "sqlite", "postgres"})
  void lastRunsAcrossYearsAndFilters(String name) throws Exception {
    Database database = target(name).database();
    RunHistoryChecks.lastRunsAcrossYearsAndFilters(
        new DatabaseRunJournal(database, DatabaseRunJournal.DEFAULT_TABLE, 100));
  }

  @ParameterizedTest
  @ValueSource(strings = {"duckdb", "sqlite", "postgres"})
  void keepsItsLimit(String name) throws Exception {
    Database database = target(name).database();
    RunHistoryChecks.keepsItsLimit(
        limit -> new DatabaseRunJournal(database, DatabaseRunJournal.DEFAULT_TABLE, limit));
  }

  @Test
  void theRunTableIsNamedAfterTheStateTable() {
    assertThat(DatabaseRunJournal.tableFor(DatabaseStateStore.DEFAULT_TABLE))
        .isEqualTo("hygge_runs");
    assertThat(DatabaseRunJournal.tableFor("ops_state")).isEqualTo("ops_state_runs");
  }
}
