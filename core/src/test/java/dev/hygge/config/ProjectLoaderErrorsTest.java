package dev.hygge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Every configuration error fails the load with a CONFIG error naming file, line and key. */
class ProjectLoaderErrorsTest {
  @TempDir Path dir;
  ProjectDirectory project;

  @BeforeEach
  void setUp() {
    project = new ProjectDirectory(dir);
  }

  private static String configError(Executable load) {
    HyggeException error = catchThrowableOfType(HyggeException.class, () -> load.execute());
    assertThat(error).as("a HyggeException").isNotNull();
    assertThat(error.kind()).isEqualTo(ErrorKind.CONFIG);
    return error.getMessage();
  }

  private String loadError() {
    return configError(project::load);
  }

  @Test
  void invalidYamlNamesFileLineAndColumn() {
    project.file("hygge.yml", "name: shop", "options:", "  concurrency: 2", " log_level: [debug");

    assertThat(loadError())
        .startsWith("Invalid YAML in hygge.yml:4:")
        .contains("Fix the syntax there");
  }

  @Test
  void duplicateKeysNameBothLines() {
    project.file("hygge.yml", "name: shop", "name: other");

    assertThat(loadError())
        .isEqualTo(
            "Duplicate key 'name' at hygge.yml:2 (already given at hygge.yml:1). Keep one of them.");
  }

  @Test
  void unknownKeyInHyggeYmlSuggestsTheNearestKey() {
    project.file("hygge.yml", "name: shop", "flow_dir: pipes");

    assertThat(loadError())
        .isEqualTo(
            "Unknown key 'flow_dir' in hygge.yml at hygge.yml:2. Did you mean 'flows_dir'? Valid keys:"
                + " name, flows_dir, options, defaults, flows, connections, credentials, state.");
  }

  @Test
  void unknownKeyInOptions() {
    project.file("hygge.yml", "options:", "  concurency: 2");

    assertThat(loadError())
        .startsWith("Unknown key 'concurency' in options in hygge.yml at hygge.yml:2.")
        .contains("Did you mean 'concurrency'?");
  }

  @Test
  void unknownKeyInProjectDefaults() {
    project.file("hygge.yml", "defaults:", "  batchsize: 2");

    assertThat(loadError())
        .startsWith("Unknown key 'batchsize' in defaults in hygge.yml at hygge.yml:2.")
        .contains("Did you mean 'batch_size'?");
  }

  @Test
  void unknownKeyInFlowFile() {
    project
        .salesFlow("  path: out")
        .file(
            "flows/sales/flow.yml",
            "hom: {type: files, path: in}",
            "store: {type: lake, path: out}");

    assertThat(loadError())
        .startsWith("Unknown key 'hom' in flow sales at flows/sales/flow.yml:1.")
        .contains("Did you mean 'home'?")
        .contains("Valid keys: name, home, store, defaults, run_type, entities.");
  }

  @Test
  void unknownKeyInFlowDefaults() {
    project
        .salesFlow("  path: out")
        .file(
            "flows/sales/flow.yml",
            "home: {type: files, path: in}",
            "store: {type: lake, path: out}",
            "defaults:",
            "  key_column: id");

    assertThat(loadError())
        .startsWith(
            "Unknown key 'key_column' in defaults of flow sales at flows/sales/flow.yml:4.");
  }

  @Test
  void unknownKeyInEntityFile() {
    project.salesFlow("  path: out").file("flows/sales/entities/orders.yml", "colums: [id]");

    assertThat(loadError())
        .startsWith(
            "Unknown key 'colums' in entity sales.orders at flows/sales/entities/orders.yml:1.")
        .contains("Did you mean 'columns'?");
  }

  @Test
  void unknownKeyInStoreSuggestsTheNearestSetting() {
    project.salesFlow("  path: out", "  compresion: zstd");

    assertThat(loadError())
        .isEqualTo(
            "Unknown key 'compresion' in store 'lake' of entity sales.sales at"
                + " flows/sales/flow.yml:5. Did you mean 'compression'? Valid keys: path,"
                + " compression, level, password, partition_by.");
  }

  @Test
  void unknownTypeListsRegisteredTypesWithAHint() {
    project
        .file("hygge.yml", "name: shop")
        .file(
            "flows/sales/flow.yml",
            "home: {type: files, path: in}",
            "store:",
            "  type: lak",
            "  path: out");

    assertThat(loadError())
        .isEqualTo(
            "Unknown store type 'lak' at flows/sales/flow.yml:3. Did you mean 'lake'? Registered store"
                + " types: lake, table.");
  }

  @Test
  void missingTypeListsRegisteredTypes() {
    project
        .file("hygge.yml", "name: shop")
        .file("flows/sales/flow.yml", "home:", "  path: in", "store: {type: lake, path: out}");

    assertThat(loadError())
        .isEqualTo(
            "Missing 'type' in home of entity sales.sales at flows/sales/flow.yml:2: add 'type:' to"
                + " the home block. Registered home types: files.");
  }

  @Test
  void missingStoreBlock() {
    project
        .file("hygge.yml", "name: shop")
        .file("flows/sales/flow.yml", "home: {type: files, path: in}");

    assertThat(loadError())
        .startsWith(
            "Entity sales.sales has no store: add a 'store:' block with 'type:' to flow sales at flows/sales/flow.yml:1");
  }

  @Test
  void missingVariableNamesTheVariableAndTheKey() {
    project.salesFlow("  path: ${HYGGE_TEST_SURELY_UNSET_ROOT}/sales");

    assertThat(loadError())
        .startsWith(
            "Variable 'HYGGE_TEST_SURELY_UNSET_ROOT' is not set; it is used by 'store.path' at"
                + " flows/sales/flow.yml:4")
        .contains("in the environment or in the project's .env file")
        .contains("${HYGGE_TEST_SURELY_UNSET_ROOT:default}");
  }

  @Test
  void missingRequiredSetting() {
    project.salesFlow("  compression: zstd");

    assertThat(loadError())
        .isEqualTo(
            "Missing required setting 'path' in store 'lake' of entity sales.sales at"
                + " flows/sales/flow.yml:3: Where the files go.");
  }

  @Test
  void wrongValueTypeNamesValueFileAndLine() {
    project.salesFlow("  path: out").file("flows/sales/entities/orders.yml", "batch_size: lots");

    assertThat(loadError())
        .isEqualTo(
            "Invalid value for 'batch_size' in entity sales.orders at"
                + " flows/sales/entities/orders.yml:1: 'lots' is not a whole number");
  }

  @Test
  void wrongChoiceSuggestsTheNearestWord() {
    project.salesFlow("  path: out", "  compression: zstdd");

    assertThat(loadError())
        .contains("'zstdd' is not one of snappy, zstd, gzip. Did you mean 'zstd'?");
  }

  @Test
  void nonPositiveBatchSizeIsRejected() {
    project.salesFlow("  path: out").file("hygge.yml", "defaults:", "  batch_size: 0");

    assertThat(loadError())
        .isEqualTo(
            "Invalid value for 'batch_size' in run settings of entity sales.sales at hygge.yml:2:"
                + " must be greater than 0, got 0");
  }

  @Test
  void listWhereASingleValueBelongs() {
    project.salesFlow("  path: [a, b]");

    assertThat(loadError())
        .isEqualTo(
            "Invalid value for 'path' in store 'lake' of entity sales.sales at flows/sales/flow.yml:4:"
                + " expected a single value, got a list or map");
  }

  @Test
  void singleValueWhereAListBelongs() {
    project.salesFlow("  path: out").file("flows/sales/entities/orders.yml", "columns: id");

    assertThat(loadError())
        .contains("'columns'")
        .contains("orders.yml:1")
        .contains("expected a list, got 'id'");
  }

  @Test
  void blockThatIsNotAMap() {
    project
        .file("hygge.yml", "name: shop")
        .file("flows/sales/flow.yml", "home: files", "store: {type: lake, path: out}");

    assertThat(loadError())
        .isEqualTo(
            "'home' in flow sales at flows/sales/flow.yml:1 must be a map of keys, but it is a single value.");
  }

  @Test
  void valuesRejectedByTheTypeAtBindTime() {
    project.salesFlow("  path: out", "  level: 99");

    assertThat(loadError())
        .isEqualTo(
            "Invalid value for 'level' in store 'lake' of entity sales.sales at flows/sales/flow.yml:5:"
                + " must be at most 22");
  }

  @Test
  void secretValuesNeverAppearInMessages() {
    project.salesFlow(
        "  path: out", "  password: ${DB_PASSWORD}", "  partition_by: ${DB_PASSWORD}");

    String message =
        configError(() -> project.loadWithProperties(Map.of("DB_PASSWORD", "hunter2-secret")));

    assertThat(message).contains("'partition_by'").contains("****").doesNotContain("hunter2");
  }

  @Test
  void noHyggeYmlNamesTheDirectoryAndWhatToDo() {
    assertThat(loadError())
        .isEqualTo(
            "No hygge.yml in "
                + dir.toAbsolutePath().normalize()
                + ". Run 'hygge init NAME' to create a project there, or point hygge at one with"
                + " --project DIR.");
  }

  @Test
  void explicitFlowsDirThatDoesNotExist() {
    project.file("hygge.yml", "flows_dir: pipelines");

    assertThat(loadError())
        .startsWith("flows_dir 'pipelines' at hygge.yml:1 does not exist")
        .endsWith("Create it or fix 'flows_dir:'.");
  }

  @Test
  void flowDirectoryWithoutFlowFile() {
    project
        .file("hygge.yml", "name: shop")
        .file("flows/sales/entities/orders.yml", "columns: [id]");

    assertThat(loadError())
        .isEqualTo(
            "Flow directory flows/sales has no flow.yml. Add flows/sales/flow.yml with a home: and a"
                + " store:, or remove the directory.");
  }

  @Test
  void emptyProject() {
    project.file("hygge.yml", "name: shop").dir("flows");

    assertThat(loadError())
        .isEqualTo(
            "Project "
                + dir.toAbsolutePath().normalize()
                + " has no flows: add flows/<flow>/flow.yml (with home: and store:) or a flows: block"
                + " to hygge.yml.");
  }
}
