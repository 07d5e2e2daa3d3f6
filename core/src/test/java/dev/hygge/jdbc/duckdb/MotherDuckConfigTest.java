package dev.hygge.jdbc.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.EntityConfig;
import dev.hygge.config.Project;
import dev.hygge.config.ProjectLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MotherDuck ({@code database: md:<name>}) as users configure it. There is no MotherDuck here: the
 * tests check the connection properties and the configuration errors, never a live connection.
 */
class MotherDuckConfigTest {
  private static final String TOKEN = "md-token-7f3a9c";

  @TempDir Path project;

  private Project load(String credentials, String home, String store) throws Exception {
    Files.writeString(
        project.resolve("hygge.yml"),
        """
        name: shop
        credentials:
        %s
        flows:
          sales:
            home:
        %s
            store:
        %s
            entities: [orders]
        """
            .formatted(
                credentials.indent(2).stripTrailing(),
                home.indent(6).stripTrailing(),
                store.indent(6).stripTrailing()));
    return ProjectLoader.load(project);
  }

  private static final String MOTHERDUCK_CREDENTIAL =
      "cloud:\n  type: motherduck\n  method: token\n  token: " + TOKEN;

  @Test
  void theTokenTravelsAsAConnectionPropertyAndNeverInTheUrlOrText() {
    MotherDuckDatabase database = new MotherDuckDatabase("md:sales", TOKEN);

    assertThat(database.url()).isEqualTo("jdbc:duckdb:md:sales");
    assertThat(database.properties()).containsOnlyKeys("motherduck_token");
    assertThat(database.properties().getProperty("motherduck_token")).isEqualTo(TOKEN);
    assertThat(database.display()).isEqualTo("md:sales");
    assertThat(database.toString())
        .isEqualTo("MotherDuckDatabase[database=md:sales, token=****]")
        .doesNotContain(TOKEN);
  }

  @Test
  void anMdHomeAndStoreWithAMotherDuckCredentialBind() throws Exception {
    Project loaded =
        load(
            MOTHERDUCK_CREDENTIAL,
            "type: duckdb\ndatabase: md:sales\ncredential: cloud",
            "type: duckdb\ndatabase: md:warehouse\ncredential: cloud\ntable: raw.{entity}");

    EntityConfig orders = loaded.flows().get(0).entities().get(0);

    assertThat(orders.home().describe()).isEqualTo("duckdb md:sales table {entity}");
    assertThat(orders.store().describe()).isEqualTo("duckdb md:warehouse table raw.orders");
  }

  @Test
  void anMdDatabaseWithoutACredentialFailsSayingWhatToAdd() {
    assertThatThrownBy(
            () ->
                load(
                    MOTHERDUCK_CREDENTIAL,
                    "type: duckdb\ndatabase: md:sales",
                    "type: duckdb\ndatabase: local.duckdb"))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.CONFIG))
        .hasMessageContaining("Invalid value for 'database'")
        .hasMessageContaining("hygge.yml")
        .hasMessageContaining(
            "the MotherDuck database md:sales needs a token: define a credential of type"
                + " motherduck under credentials: in hygge.yml and name it with credential:");
  }

  @Test
  void aCredentialOfAnotherTypeIsRefused() {
    assertThatThrownBy(
            () ->
                load(
                    "lake:\n  type: s3\n  method: default",
                    "type: duckdb\ndatabase: local.duckdb",
                    "type: duckdb\ndatabase: md:warehouse\ncredential: lake"))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.CONFIG))
        .hasMessageContaining("lake")
        .hasMessageContaining("motherduck");
  }

  @Test
  void aLocalFileWithACredentialFails() {
    assertThatThrownBy(
            () ->
                load(
                    MOTHERDUCK_CREDENTIAL,
                    "type: duckdb\ndatabase: local.duckdb\ncredential: cloud",
                    "type: duckdb\ndatabase: other.duckdb"))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.CONFIG))
        .hasMessageContaining("Invalid value for 'credential'")
        .hasMessageContaining("a local DuckDB file takes no credential")
        .hasMessageNotContaining(TOKEN);
  }
}
