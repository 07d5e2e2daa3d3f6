package dev.hygge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors in a project's structure (flows or entities defined twice, names, reserved and profile
 * blocks) fail the load with a CONFIG error naming file, line and key.
 */
class ProjectStructureErrorsTest {
  @TempDir Path dir;
  ProjectDirectory project;

  @BeforeEach
  void setUp() {
    project = new ProjectDirectory(dir);
  }

  private String loadError() {
    HyggeException error = catchThrowableOfType(HyggeException.class, project::load);
    assertThat(error).as("a HyggeException").isNotNull();
    assertThat(error.kind()).isEqualTo(ErrorKind.CONFIG);
    return error.getMessage();
  }

  @Test
  void flowDefinedTwiceNamesBothFiles() {
    project
        .salesFlow("  path: out")
        .file("hygge.yml", "flows:", "  sales:", "    home: {type: files, path: in}");

    assertThat(loadError())
        .isEqualTo(
            "Flow 'sales' is defined twice: at hygge.yml:2 and at flows/sales/flow.yml:1. Rename or"
                + " remove one of them.");
  }

  @Test
  void entityDefinedTwiceNamesBothPlaces() {
    project
        .file("hygge.yml", "name: shop")
        .file(
            "flows/sales/flow.yml",
            "home: {type: files, path: in}",
            "store: {type: lake, path: out}",
            "entities:",
            "  - orders")
        .file("flows/sales/entities/orders.yml", "columns: [id]");

    assertThat(loadError())
        .isEqualTo(
            "Entity 'orders' of flow sales is defined twice: at flows/sales/flow.yml:4 and at"
                + " flows/sales/entities/orders.yml:1. Keep one of them.");
  }

  @Test
  void listedEntityWithoutName() {
    project
        .file("hygge.yml", "name: shop")
        .file(
            "flows/sales/flow.yml",
            "home: {type: files, path: in}",
            "store: {type: lake, path: out}",
            "entities:",
            "  - columns: [id]");

    assertThat(loadError())
        .isEqualTo(
            "Entity at flows/sales/flow.yml:4 in flow sales has no name: give it 'name: <entity>'.");
  }

  @Test
  void invalidEntityName() {
    project
        .file("hygge.yml", "name: shop")
        .file(
            "flows/sales/flow.yml",
            "home: {type: files, path: in}",
            "store: {type: lake, path: out}",
            "entities: [dbo.orders]");

    assertThat(loadError())
        .startsWith("Invalid entity name 'dbo.orders' at flows/sales/flow.yml:3");
  }

  @Test
  void connectionsMustBeAMap() {
    project.file("hygge.yml", "connections: [a]");

    assertThat(loadError())
        .isEqualTo(
            "'connections' in hygge.yml at hygge.yml:1 must be a map of keys, but it is a list.");
  }

  @Test
  void topLevelMustBeAMap() {
    project.file("hygge.yml", "- a", "- b");

    assertThat(loadError())
        .isEqualTo(
            "hygge.yml must hold a map of keys (like 'name: value'), but its top level is a list at hygge.yml:1.");
  }

  @Test
  void emptyValueOfAnUnknownKeyIsStillUnknown() {
    project.salesFlow("  path: out", "  compresion:");

    assertThat(loadError())
        .startsWith(
            "Unknown key 'compresion' in store 'lake' of entity sales.sales at flows/sales/flow.yml:5.");
  }

  @Test
  void unknownKeyInAProfileBlock() {
    project.salesFlow("  path: out").file("hygge.yml", "'%dev':", "  option: {}");

    assertThat(loadError())
        .startsWith("Unknown key 'option' in profile block '%dev' of hygge.yml at hygge.yml:2.")
        .contains("Did you mean 'options'?");
  }
}
