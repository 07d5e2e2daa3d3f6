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

/** The postgres home and store blocks as users write them in hygge.yml. */
class PostgresConfigTest {
  private static final String URL = "jdbc:postgresql://db.internal:5432/shop";
  @TempDir Path project;

  private Project load(String home, String store) throws Exception {
    return TestProject.load(project, home, store);
  }

  @Test
  void describesTheBoundHomeAndStoreWithoutUrlParameters() throws Exception {
    Project loaded =
        load(
            "type: postgres\nurl: " + URL + "?password=hidden\nquery: SELECT 1",
            "type: postgres\nurl: " + URL + "\nuser: loader\npassword: pw\ntable: raw.{entity}");

    EntityConfig orders = loaded.flows().get(0).entities().get(0);

    assertThat(orders.home().describe()).isEqualTo("postgresql " + URL + " query");
    assertThat(orders.store().describe()).isEqualTo("postgresql " + URL + " table raw.orders");
  }

  @Test
  void aUrlOfAnotherDatabaseFails() {
    assertThatThrownBy(
            () -> load("type: postgres\nurl: jdbc:mysql://db/shop", "type: parquet\npath: lake"))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.CONFIG))
        .hasMessageContaining("Invalid value for 'url'")
        .hasMessageContaining("must start with jdbc:postgresql:");
  }

  @Test
  void aMissingUrlFailsNamingIt() {
    assertThatThrownBy(() -> load("type: postgres\ntable: orders", "type: parquet\npath: lake"))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("url");
  }
}
