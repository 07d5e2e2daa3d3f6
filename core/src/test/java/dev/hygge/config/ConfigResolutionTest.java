package dev.hygge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expressions, .env, profiles, property and --var overrides, resolved through SmallRye Config. */
class ConfigResolutionTest {
  @TempDir Path dir;
  ProjectDirectory project;

  @BeforeEach
  void setUp() {
    project = new ProjectDirectory(dir);
  }

  private static EntityConfig only(Project project, String flow) {
    return project.flow(flow).orElseThrow().entities().get(0);
  }

  private static String storePath(EntityConfig entity) {
    return entity.storeSettings().string("path");
  }

  private ProjectDirectory usersFlow(String storePath) {
    return project.file(
        "hygge.yml",
        "flows:",
        "  users:",
        "    home: {type: files, path: in}",
        "    store:",
        "      type: lake",
        "      path: " + storePath);
  }

  @Test
  void expandsVariablesFromProperties() {
    usersFlow("${LAKE_ROOT}/users");

    EntityConfig users =
        only(project.loadWithProperties(Map.of("LAKE_ROOT", "/data/lake")), "users");

    assertThat(storePath(users)).isEqualTo("/data/lake/users");
    assertThat(users.storeSettings().origin("path")).isEqualTo(new Origin("hygge.yml", 6));
  }

  @Test
  void expandsVariableDefaultsWhenTheVariableIsNotSet() {
    usersFlow("${HYGGE_TEST_UNSET_ROOT:out}/users");

    assertThat(storePath(only(project.load(), "users"))).isEqualTo("out/users");
  }

  @Test
  void expandsVariablesFromDotEnv() {
    usersFlow("${LAKE_ROOT}/users").file(".env", "LAKE_ROOT=/from/dotenv");

    assertThat(storePath(only(project.load(), "users"))).isEqualTo("/from/dotenv/users");
  }

  @Test
  void dotEnvOverridesKeysByEnvironmentName() {
    usersFlow("out").file(".env", "FLOWS_USERS_STORE_COMPRESSION=zstd");

    EntityConfig users = only(project.load(), "users");

    assertThat(users.storeSettings().string("compression")).isEqualTo("zstd");
    assertThat(users.storeSettings().origin("compression").toString())
        .isEqualTo(".env (FLOWS_USERS_STORE_COMPRESSION)");
  }

  @Test
  void propertiesWinOverDotEnv() {
    usersFlow("${LAKE_ROOT}").file(".env", "LAKE_ROOT=/from/dotenv");

    assertThat(storePath(only(project.loadWithProperties(Map.of("LAKE_ROOT", "/prop")), "users")))
        .isEqualTo("/prop");
  }

  @Test
  void propertyOverridesAnExistingKey() {
    usersFlow("out");

    EntityConfig users =
        only(project.loadWithProperties(Map.of("flows.users.store.path", "elsewhere")), "users");

    assertThat(storePath(users)).isEqualTo("elsewhere");
    assertThat(users.storeSettings().origin("path").toString())
        .isEqualTo("property flows.users.store.path");
  }

  @Test
  void profileBlockInHyggeYmlOverridesKeysWhenActive() {
    project
        .file(
            "hygge.yml",
            "defaults:",
            "  batch_size: 10",
            "'%dev':",
            "  defaults:",
            "    batch_size: 20",
            "  flows:",
            "    users:",
            "      store:",
            "        path: dev/users")
        .file(
            "flows/users/flow.yml",
            "home: {type: files, path: in}",
            "store: {type: lake, path: prod/users}");

    EntityConfig prod = only(project.load(), "users");
    EntityConfig dev = only(project.loadWithProfile("dev"), "users");

    assertThat(prod.batchSize()).isEqualTo(10);
    assertThat(storePath(prod)).isEqualTo("prod/users");
    assertThat(dev.batchSize()).isEqualTo(20);
    assertThat(storePath(dev)).isEqualTo("dev/users");
    assertThat(dev.storeSettings().origin("path")).isEqualTo(new Origin("hygge.yml", 9));
  }

  @Test
  void profilePrefixedKeysInAFlowFileApplyWhenActive() {
    project
        .file("hygge.yml", "name: p")
        .file(
            "flows/users/flow.yml",
            "home: {type: files, path: in}",
            "store:",
            "  type: lake",
            "  path: prod/users",
            "  '%test.path': test/users");

    assertThat(storePath(only(project.load(), "users"))).isEqualTo("prod/users");
    assertThat(storePath(only(project.loadWithProfile("test"), "users"))).isEqualTo("test/users");
  }

  @Test
  void profileComesFromHyggeProfileWhenNotGiven() {
    project
        .file(
            "hygge.yml",
            "flows:",
            "  users:",
            "    home: {type: files, path: in}",
            "    store: {type: lake, path: prod}",
            "    '%ci':",
            "      store: {path: ci}")
        .file(".env", "HYGGE_PROFILE=ci");

    assertThat(storePath(only(project.load(), "users"))).isEqualTo("ci");
  }

  @Test
  void profiledPropertiesApplyOnlyForTheirProfile() {
    usersFlow("out");
    Map<String, String> properties = Map.of("%dev.flows.users.store.path", "dev-out");

    assertThat(storePath(only(project.loadWithProperties(properties), "users"))).isEqualTo("out");
    assertThat(
            storePath(
                only(
                    project.load(new LoadOptions(Optional.of("dev"), Map.of(), properties)),
                    "users")))
        .isEqualTo("dev-out");
  }

  @Test
  void varOverridesAFlowKey() {
    usersFlow("out");

    EntityConfig users =
        only(project.loadWithVars(Map.of("flow.users.store.compression", "gzip")), "users");

    assertThat(users.storeSettings().string("compression")).isEqualTo("gzip");
    assertThat(users.storeSettings().origin("compression").toString())
        .isEqualTo("--var flow.users.store.compression");
  }

  @Test
  void varWinsOverDotEnv() {
    usersFlow("out").file(".env", "FLOWS_USERS_STORE_PATH=from-dotenv");

    assertThat(
            storePath(
                only(project.loadWithVars(Map.of("flow.users.store.path", "from-var")), "users")))
        .isEqualTo("from-var");
  }

  @Test
  void varOverridesAnEntityKey() {
    project
        .file("hygge.yml", "name: p")
        .file(
            "flows/crm/flow.yml",
            "home: {type: files, path: in}",
            "store: {type: lake, path: out}",
            "entities: [accounts, contacts]");

    Project loaded = project.loadWithVars(Map.of("flow.crm.entities.contacts.store.path", "x"));

    assertThat(loaded.flow("crm").orElseThrow().entities())
        .extracting(ConfigResolutionTest::storePath)
        .containsExactly("out/accounts", "out/x");
  }

  @Test
  void varWithATypoIsAnUnknownKey() {
    usersFlow("out");

    assertThatThrownBy(() -> project.loadWithVars(Map.of("flow.users.store.compresion", "gzip")))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("Unknown key 'compresion'")
        .hasMessageContaining("--var flow.users.store.compresion")
        .hasMessageContaining("Did you mean 'compression'?");
  }

  @Test
  void varForAnUnknownFlowFails() {
    usersFlow("out");

    assertThatThrownBy(() -> project.loadWithVars(Map.of("flow.user.store.path", "x")))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.CONFIG))
        .hasMessage(
            "Unknown flow 'user' in --var flow.user.store.path. Did you mean 'users'? Flows: users.");
  }

  @Test
  void varForAnUnknownEntityFails() {
    usersFlow("out");

    assertThatThrownBy(
            () -> project.loadWithVars(Map.of("flow.users.entities.orders.store.path", "x")))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith("Unknown entity 'orders' of flow users in --var");
  }

  @Test
  void varWithoutTheFlowPrefixFails() {
    usersFlow("out");

    assertThatThrownBy(() -> project.loadWithVars(Map.of("users.store.path", "x")))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("Invalid --var 'users.store.path'")
        .hasMessageContaining("flow.<flow>.<key>=value");
  }

  @Test
  void listSettingsTakeCommaSeparatedOverrides() {
    usersFlow("out");

    EntityConfig users =
        only(project.loadWithVars(Map.of("flow.users.defaults.columns", "id, name")), "users");

    assertThat(users.columns()).containsExactly("id", "name");
  }

  @Test
  void dotEnvOverridesEntityRunSettingsByEnvironmentName() {
    project
        .file("hygge.yml", "name: p")
        .file(
            "flows/sales/flow.yml",
            "home: {type: files, path: in}",
            "store: {type: lake, path: out}",
            "entities: [orders, customers]")
        .file(".env", "FLOWS_SALES_ENTITIES_ORDERS_BATCH_SIZE=7", "OPTIONS_CONCURRENCY=5");

    Project loaded = project.load();

    assertThat(loaded.options().concurrency()).isEqualTo(5);
    assertThat(loaded.flow("sales").orElseThrow().entities())
        .extracting(EntityConfig::batchSize)
        .containsExactly(7, RunSettings.DEFAULT_BATCH_SIZE);
  }

  @Test
  void escapedExpressionsStayLiteral() {
    usersFlow("'\\${NOT_A_VARIABLE}'");

    assertThat(storePath(only(project.load(), "users"))).isEqualTo("${NOT_A_VARIABLE}");
  }
}
