package dev.hygge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLoaderTest {
  @TempDir Path dir;
  ProjectDirectory project;

  @BeforeEach
  void setUp() {
    project = new ProjectDirectory(dir);
  }

  private static String storeValue(EntityConfig entity, String key) {
    return (String) entity.storeSettings().values().get(key).value();
  }

  private static String homePath(EntityConfig entity) {
    return entity.homeSettings().string("path");
  }

  @Test
  void loadsMultiFileProjectWithEntityFilesInFileNameOrder() {
    project
        .file("hygge.yml", "name: shop", "options:", "  concurrency: 3", "  log_level: debug")
        .file(
            "flows/sales/flow.yml",
            "home:",
            "  type: files",
            "  path: landing/sales",
            "store:",
            "  type: lake",
            "  path: lake/sales",
            "  compression: zstd")
        .file("flows/sales/entities/orders.yml", "columns: [id, total]")
        .file("flows/sales/entities/customers.yml", "name: customers", "batch_size: 100");

    Project loaded = project.load();

    assertThat(loaded.name()).isEqualTo("shop");
    assertThat(loaded.root()).isEqualTo(dir.toAbsolutePath().normalize());
    assertThat(loaded.options()).isEqualTo(new ProjectOptions(3, true, "debug"));
    FlowConfig sales = loaded.flow("sales").orElseThrow();
    assertThat(sales.origin()).isEqualTo(new Origin("flows/sales/flow.yml", 1));
    assertThat(sales.entities())
        .extracting(EntityConfig::name)
        .containsExactly("customers", "orders");
    EntityConfig orders = sales.entities().get(1);
    assertThat(orders.qualifiedName()).isEqualTo("sales.orders");
    assertThat(orders.origin()).isEqualTo(new Origin("flows/sales/entities/orders.yml", 1));
    assertThat(orders.homeType()).isEqualTo("files");
    assertThat(orders.home()).isInstanceOf(TestTypes.BoundHome.class);
    assertThat(orders.store()).isInstanceOf(TestTypes.BoundStore.class);
    assertThat(homePath(orders)).isEqualTo("landing/sales/orders");
    assertThat(orders.homeSettings().path("path"))
        .isEqualTo(dir.toAbsolutePath().normalize().resolve("landing/sales/orders"));
    assertThat(storeValue(orders, "path")).isEqualTo("lake/sales/orders");
    assertThat(orders.storeSettings().string("compression")).isEqualTo("zstd");
    assertThat(orders.storeSettings().origin("compression"))
        .isEqualTo(new Origin("flows/sales/flow.yml", 7));
    assertThat(orders.columns()).containsExactly("id", "total");
    assertThat(orders.runType()).isEqualTo(RunType.FULL_DROP);
    assertThat(orders.batchSize()).isEqualTo(RunSettings.DEFAULT_BATCH_SIZE);
    assertThat(orders.queueDepth()).isEqualTo(RunSettings.DEFAULT_QUEUE_DEPTH);
    assertThat(sales.entities().get(0).batchSize()).isEqualTo(100);
  }

  @Test
  void projectNameAndOptionsHaveDefaults() {
    project.file(
        "hygge.yml",
        "flows:",
        "  users:",
        "    home: {type: files, path: in/users}",
        "    store: {type: lake, path: out/users}");

    Project loaded = project.load();

    assertThat(loaded.name()).isEqualTo(dir.getFileName().toString());
    assertThat(loaded.options())
        .isEqualTo(new ProjectOptions(ProjectOptions.defaultConcurrency(), true, "info"));
  }

  @Test
  void singleFileFlowWithoutEntitiesHasOneEntityNamedAfterTheFlow() {
    project.file(
        "hygge.yml",
        "flows:",
        "  users:",
        "    home: {type: files, path: in/users}",
        "    store: {type: lake, path: out/users}");

    FlowConfig users = project.load().flow("users").orElseThrow();

    assertThat(users.origin()).isEqualTo(new Origin("hygge.yml", 2));
    assertThat(users.entities()).hasSize(1);
    EntityConfig entity = users.entities().get(0);
    assertThat(entity.name()).isEqualTo("users");
    assertThat(homePath(entity)).isEqualTo("in/users");
    assertThat(storeValue(entity, "path")).isEqualTo("out/users");
  }

  @Test
  void singleFileAndMultiFileFlowsCombineInDeclarationOrder() {
    project
        .file(
            "hygge.yml",
            "flows:",
            "  zeta:",
            "    home: {type: files, path: in/z}",
            "    store: {type: lake, path: out/z}")
        .file(
            "flows/alpha/flow.yml",
            "home: {type: files, path: in/a}",
            "store: {type: lake, path: out/a}")
        .file(
            "flows/beta/flow.yml",
            "home: {type: files, path: in/b}",
            "store: {type: table, table: b}");

    assertThat(project.load().flows())
        .extracting(FlowConfig::name)
        .containsExactly("zeta", "alpha", "beta");
  }

  @Test
  void flowNameFromFlowFileWinsOverDirectoryName() {
    project
        .file("hygge.yml", "name: p")
        .file(
            "flows/dir_name/flow.yml",
            "name: crm",
            "home: {type: files, path: in}",
            "store: {type: lake, path: out}");

    assertThat(project.load().flows()).extracting(FlowConfig::name).containsExactly("crm");
  }

  @Test
  void entityListAndEntityFilesCombine() {
    project
        .file("hygge.yml", "name: p")
        .file(
            "flows/crm/flow.yml",
            "home: {type: files, path: in/crm}",
            "store: {type: lake, path: out/crm}",
            "entities:",
            "  - Account",
            "  - name: Contact",
            "    batch_size: 10")
        .file("flows/crm/entities/opportunity.yml", "queue_depth: 8");

    List<EntityConfig> entities = project.load().flow("crm").orElseThrow().entities();

    assertThat(entities)
        .extracting(EntityConfig::name)
        .containsExactly("Account", "Contact", "opportunity");
    assertThat(entities.get(0).origin()).isEqualTo(new Origin("flows/crm/flow.yml", 4));
    assertThat(entities.get(1).batchSize()).isEqualTo(10);
    assertThat(entities.get(2).queueDepth()).isEqualTo(8);
    assertThat(homePath(entities.get(0))).isEqualTo("in/crm/Account");
  }

  @Test
  void runSettingsInheritEntityOverFlowOverProject() {
    project
        .file(
            "hygge.yml",
            "defaults:",
            "  batch_size: 1000",
            "  queue_depth: 2",
            "  run_type: incremental",
            "  columns: [a, b]")
        .file(
            "flows/crm/flow.yml",
            "home: {type: files, path: in}",
            "store: {type: lake, path: out}",
            "defaults:",
            "  batch_size: 5000",
            "run_type: full_drop",
            "entities: [plain]")
        .file("flows/crm/entities/special.yml", "batch_size: 200000", "columns: [x]");

    List<EntityConfig> entities = project.load().flow("crm").orElseThrow().entities();

    EntityConfig plain = entities.get(0);
    assertThat(plain.batchSize()).isEqualTo(5000);
    assertThat(plain.queueDepth()).isEqualTo(2);
    assertThat(plain.runType()).isEqualTo(RunType.FULL_DROP);
    assertThat(plain.columns()).containsExactly("a", "b");
    EntityConfig special = entities.get(1);
    assertThat(special.batchSize()).isEqualTo(200000);
    assertThat(special.columns()).containsExactly("x");
  }

  @Test
  void entityHomeAndStoreMergeOverTheFlowsKeyByKey() {
    project
        .file("hygge.yml", "name: p")
        .file(
            "flows/crm/flow.yml",
            "home: {type: files, path: in, format: csv}",
            "store: {type: lake, path: out, compression: zstd}")
        .file(
            "flows/crm/entities/accounts.yml",
            "home:",
            "  format: parquet",
            "store:",
            "  compression: gzip",
            "  partition_by: [year]");

    EntityConfig accounts = project.load().flow("crm").orElseThrow().entities().get(0);

    assertThat(accounts.homeSettings().string("format")).isEqualTo("parquet");
    assertThat(homePath(accounts)).isEqualTo("in/accounts");
    assertThat(accounts.storeSettings().string("compression")).isEqualTo("gzip");
    assertThat(accounts.storeSettings().origin("compression"))
        .isEqualTo(new Origin("flows/crm/entities/accounts.yml", 4));
    assertThat(accounts.storeSettings().list("partition_by")).containsExactly("year");
  }

  @Test
  void entityThatGivesTypeReplacesTheFlowsBlock() {
    project
        .file("hygge.yml", "name: p")
        .file(
            "flows/crm/flow.yml",
            "home: {type: files, path: in}",
            "store: {type: lake, path: out, compression: zstd}")
        .file(
            "flows/crm/entities/accounts.yml", "store:", "  type: table", "  table: dbo.{entity}");

    EntityConfig accounts = project.load().flow("crm").orElseThrow().entities().get(0);

    assertThat(accounts.storeType()).isEqualTo("table");
    assertThat(accounts.storeSettings().values()).containsOnlyKeys("table");
    assertThat(accounts.storeSettings().string("table")).isEqualTo("dbo.accounts");
  }

  @Test
  void entityTemplatesFillEveryStringValue() {
    project.file(
        "hygge.yml",
        "flows:",
        "  crm:",
        "    home:",
        "      type: files",
        "      path: raw/{entity}.parquet",
        "      options: {glob: '{entity}-*.parquet'}",
        "    store:",
        "      type: lake",
        "      path: data/{entity}",
        "      partition_by: ['{entity}_date']",
        "    entities: [Account, Contact]");

    List<EntityConfig> entities = project.load().flow("crm").orElseThrow().entities();

    EntityConfig contact = entities.get(1);
    assertThat(homePath(contact)).isEqualTo("raw/Contact.parquet");
    assertThat(contact.homeSettings().map("options")).containsEntry("glob", "Contact-*.parquet");
    assertThat(storeValue(contact, "path")).isEqualTo("data/Contact");
    assertThat(contact.storeSettings().list("partition_by")).containsExactly("Contact_date");
  }

  @Test
  void entityPathIsRelativeToTheFlowsPathUnlessAbsolute() {
    project
        .file("hygge.yml", "name: p")
        .file(
            "flows/crm/flow.yml",
            "home: {type: files, path: in/crm}",
            "store: {type: lake, path: data_lake/crm/}")
        .file("flows/crm/entities/accounts.yml", "store:", "  path: dimensions/accounts")
        .file("flows/crm/entities/events.yml", "store:", "  path: /mnt/events")
        .file("flows/crm/entities/logs.yml", "store:", "  path: s3://bucket/logs");

    List<EntityConfig> entities = project.load().flow("crm").orElseThrow().entities();

    assertThat(entities)
        .extracting(e -> storeValue(e, "path"))
        .containsExactly("data_lake/crm/dimensions/accounts", "/mnt/events", "s3://bucket/logs");
  }

  @Test
  void connectionsAndCredentialsAreAcceptedAsMapsAndKeptOutOfTheModel() {
    project.file(
        "hygge.yml",
        "connections:",
        "  warehouse: {type: mssql, server: db}",
        "credentials:",
        "  lake: {type: s3, method: default}",
        "flows:",
        "  users:",
        "    home: {type: files, path: in}",
        "    store: {type: lake, path: out}");

    assertThat(project.load().flows()).hasSize(1);
  }

  @Test
  void storeSettingsComeFromEnvironmentStyleOverrides() {
    project.file(
        "hygge.yml",
        "flows:",
        "  users:",
        "    home: {type: files, path: in}",
        "    store: {type: lake, path: out}");

    EntityConfig users =
        project
            .loadWithProperties(Map.of("flows.users.store.compression", "gzip"))
            .flow("users")
            .orElseThrow()
            .entities()
            .get(0);

    assertThat(users.storeSettings().string("compression")).isEqualTo("gzip");
    assertThat(users.storeSettings().origin("compression").toString())
        .isEqualTo("property flows.users.store.compression");
  }

  @Test
  void entitiesCanBeAMapFromNameToOverrides() {
    project.file(
        "hygge.yml",
        "flows:",
        "  crm:",
        "    home: {type: files, path: in}",
        "    store: {type: lake, path: out}",
        "    entities:",
        "      accounts:",
        "      contacts: {columns: [id]}");

    List<EntityConfig> entities = project.load().flow("crm").orElseThrow().entities();

    assertThat(entities).extracting(EntityConfig::name).containsExactly("accounts", "contacts");
    assertThat(entities.get(1).columns()).containsExactly("id");
    assertThat(entities.get(1).origin()).isEqualTo(new Origin("hygge.yml", 7));
  }

  @Test
  void emptyValueOfAKnownKeyCountsAsNotGiven() {
    project.file(
        "hygge.yml",
        "flows:",
        "  users:",
        "    home: {type: files, path: in}",
        "    store:",
        "      type: lake",
        "      path: out",
        "      compression:");

    EntityConfig users = project.load().flow("users").orElseThrow().entities().get(0);

    assertThat(users.storeSettings().has("compression")).isFalse();
    assertThat(users.storeSettings().string("compression")).isEqualTo("snappy");
  }

  @Test
  void flowsDirCanBeRenamed() {
    project
        .file("hygge.yml", "flows_dir: pipelines")
        .file(
            "pipelines/users/flow.yml",
            "home: {type: files, path: in}",
            "store: {type: lake, path: out}");

    assertThat(project.load().flows()).extracting(FlowConfig::name).containsExactly("users");
  }
}
