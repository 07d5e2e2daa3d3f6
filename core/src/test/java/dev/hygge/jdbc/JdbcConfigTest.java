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
}
