package dev.hygge.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.config.ProjectLoader;
import dev.hygge.invoke.EntityReport;
import dev.hygge.invoke.EntityStatus;
import dev.hygge.invoke.FlowInvoker;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.RunReport;
import dev.hygge.storage.CreatedObject;
import dev.hygge.storage.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Object-created events on local files into a real DuckDB store: the event's object alone is
 * loaded, a repeat is a no-op, a new version loads again, a vanished object loads nothing, and an
 * entity that is not incremental runs whole.
 */
class ObjectCreatedEventTest {
  private static final String YML =
      """
      name: shop
      flows:
        shop:
          home:
            type: csv
            path: landing/{entity}/*.csv
          store:
            type: duckdb
            database: lake.duckdb
          run_type: %s
          entities: [orders, refunds]
      """;

  @TempDir Path dir;
  private StateProject project;

  @BeforeEach
  void setUp() throws Exception {
    project = new StateProject(dir);
    Files.createDirectories(dir.resolve("landing/orders"));
    Files.createDirectories(dir.resolve("landing/refunds"));
  }

  private Path csv(String entity, String name, String rows) throws Exception {
    return Files.writeString(dir.resolve("landing").resolve(entity).resolve(name), "id\n" + rows);
  }

  private RunReport event(Path file) {
    return new FlowInvoker(ProjectLoader.load(dir))
        .invoke(
            new Invocation.ObjectCreated(
                CreatedObject.at(Location.of(file)), Invocation.RunOptions.defaults()));
  }

  private List<List<String>> ids(String table) throws Exception {
    return project.rows("lake.duckdb", "SELECT id FROM " + table + " ORDER BY id");
  }

  @Test
  void onlyTheEntityReadingTheObjectRunsAndLoadsJustThatObject() throws Exception {
    project.write(YML.formatted("incremental"));
    Path first = csv("orders", "a.csv", "1\n2\n");
    csv("orders", "b.csv", "3\n");

    RunReport report = event(first);

    assertThat(report.entities())
        .extracting(EntityReport::qualifiedName)
        .containsExactly("shop.orders");
    assertThat(report.totalRows()).isEqualTo(2);
    assertThat(ids("orders")).containsExactly(List.of("1"), List.of("2"));
    List<RunRecord> history = project.journal().read();
    assertThat(history.get(0).read().orElseThrow()).contains("object " + first + " (version ");
  }

  @Test
  void aRepeatedEventIsANoOpAndANewVersionOfTheObjectLoadsAgain() throws Exception {
    project.write(YML.formatted("incremental"));
    Path file = csv("orders", "a.csv", "1\n");

    event(file);
    EntityReport repeated = event(file).entities().get(0);
    csv("orders", "a.csv", "1\n5\n");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
    EntityReport changed = event(file).entities().get(0);

    assertThat(repeated.status()).isEqualTo(EntityStatus.SUCCESS);
    assertThat(repeated.rows()).isZero();
    assertThat(project.journal().read().get(1).read().orElseThrow()).contains("was loaded before");
    assertThat(changed.rows()).isEqualTo(2);
    assertThat(ids("orders")).containsExactly(List.of("1"), List.of("1"), List.of("5"));
  }

  @Test
  void anObjectGoneBeforeItsEventArrivesLoadsNothing() throws Exception {
    project.write(YML.formatted("incremental"));
    csv("orders", "a.csv", "1\n");
    Path gone = dir.resolve("landing/orders/gone.csv");

    EntityReport report = event(gone).entities().get(0);

    assertThat(report.status()).isEqualTo(EntityStatus.SUCCESS);
    assertThat(report.rows()).isZero();
    assertThat(project.journal().read().get(0).read().orElseThrow())
        .contains("is gone: nothing to load");
  }

  @Test
  void anEntityThatIsNotIncrementalRunsWhole() throws Exception {
    project.write(YML.formatted("full_drop"));
    Path first = csv("refunds", "a.csv", "1\n");
    csv("refunds", "b.csv", "2\n");

    RunReport report = event(first);
    RunReport again = event(first);

    assertThat(report.entities())
        .extracting(EntityReport::qualifiedName)
        .containsExactly("shop.refunds");
    assertThat(report.totalRows()).isEqualTo(2);
    assertThat(again.totalRows()).isEqualTo(2);
    assertThat(ids("refunds")).containsExactly(List.of("1"), List.of("2"));
  }

  @Test
  void hiddenFilesAndOtherFormatsBelowTheHomeAreNotItsObjects() throws Exception {
    project.write(YML.formatted("incremental"));
    Path hidden = csv("orders", "_staging.csv", "1\n");
    Path other = Files.writeString(dir.resolve("landing/orders/notes.txt"), "x");

    for (Path file : List.of(hidden, other)) {
      assertThatThrownBy(() -> event(file))
          .hasMessageContaining("No entity of project shop reads " + file)
          .hasMessageContaining("shop.orders (");
    }
  }
}
