package dev.hygge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.EntityConfig;
import dev.hygge.config.Project;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database home and store blocks as users write them in hygge.yml. */
class JdbcConfigTest {
  @TempDir Path project;

  private Project load(String home, String store) throws Exception {
    return TestProject.load(project, home, store);
  }

  @Test
  void describesTheBoundHomeAndStore() throws Exception {
    Project loaded =
        load(
            "type: duckdb\ndatabase: wh.duckdb",
            "type: sqlite\ndatabase: app.sqlite\ntable: raw.{entity}\nif_exists: append");

    EntityConfig orders = loaded.flows().get(0).entities().get(0);

    assertThat(orders.home().describe()).isEqualTo("duckdb wh.duckdb table {entity}");
    assertThat(orders.store().describe()).isEqualTo("sqlite app.sqlite table raw.orders");
  }

  @Test
  void aHomeWithBothTableAndQueryFails() {
    assertThatThrownBy(
            () ->
                load(
                    "type: duckdb\ndatabase: wh.duckdb\ntable: orders\nquery: SELECT 1",
                    "type: sqlite\ndatabase: app.sqlite"))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.CONFIG))
        .hasMessageContaining("Invalid value for 'query'")
        .hasMessageContaining("give either table or query, not both");
  }

  @Test
  void anUnknownIfExistsWordFailsListingTheChoices() {
    assertThatThrownBy(
            () ->
                load(
                    "type: duckdb\ndatabase: wh.duckdb",
                    "type: duckdb\ndatabase: wh.duckdb\nif_exists: overwrite"))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("if_exists")
        .hasMessageContaining("fail, append, replace");
  }

  @Test
  void mergeWithoutAPrimaryKeyFailsNamingTheSetting() {
    assertThatThrownBy(
            () ->
                load(
                    "type: duckdb\ndatabase: wh.duckdb",
                    "type: duckdb\ndatabase: wh.duckdb\nwrite_strategy: merge"))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.CONFIG))
        .hasMessageContaining("Invalid value for 'write_strategy'")
        .hasMessageContaining("hygge.yml")
        .hasMessageEndingWith(
            "write_strategy: merge needs primary_key, the list of columns that identify a row");
  }

  @Test
  void aPrimaryKeyWithoutMergeAndASwapThatAppendsFail() {
    assertThatThrownBy(
            () ->
                load(
                    "type: duckdb\ndatabase: wh.duckdb",
                    "type: sqlite\ndatabase: app.sqlite\nprimary_key: [id]"))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("Invalid value for 'primary_key'")
        .hasMessageEndingWith(
            "primary_key is only used by write_strategy: merge; set both or neither");
    assertThatThrownBy(
            () ->
                load(
                    "type: duckdb\ndatabase: wh.duckdb",
                    "type: sqlite\ndatabase: app.sqlite\nwrite_strategy: temp_swap\n"
                        + "if_exists: append"))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("Invalid value for 'write_strategy'")
        .hasMessageContaining("temp_swap replaces the table; it cannot go with if_exists: append");
  }

  @Test
  void mergeSettingsLoad() throws Exception {
    Project loaded =
        load(
            "type: duckdb\ndatabase: wh.duckdb",
            "type: sqlite\ndatabase: app.sqlite\nwrite_strategy: merge\nprimary_key: [id, day]\n"
                + "schema_evolution: add_columns");

    assertThat(loaded.flows().get(0).entities().get(0).store().describe())
        .isEqualTo("sqlite app.sqlite table {entity} (merge on id, day)");
  }
}
