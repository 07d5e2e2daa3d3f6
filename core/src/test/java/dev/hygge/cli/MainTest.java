package dev.hygge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI end to end in-process: commands, options, output and exit codes. */
class MainTest {
  @TempDir Path project;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void sampleProject() throws Exception {
    new SampleLandingZone(project.resolve("landing"), 1_000).write();
    Files.writeString(
        project.resolve("hygge.yml"),
        """
        name: shop
        flows:
          shop:
            home:
              type: parquet
              path: landing
            store:
              type: parquet
              path: lake
              compression: ${CODEC:zstd}
            entities: [orders, order_lines]
        """);
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private long lakeFiles(String entity) throws Exception {
    Path dir = project.resolve("lake").resolve(entity);
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    }
  }

  @Test
  void goMovesEveryEntityAndPrintsTheSummary() throws Exception {
    int code = run("go", "--project", project.toString());

    assertThat(code).isZero();
    assertThat(out.toString())
        .containsPattern(
            "\\[\\d of 2\\] START shop\\.orders \\(parquet landing/orders -> parquet lake/orders\\)")
        .contains("FINISHED shop.orders")
        .containsPattern("shop\\.orders\\s+PASS\\s+1,000\\s")
        .containsPattern("shop\\.order_lines\\s+PASS\\s+500\\s")
        .contains("PASS=2 WARN=0 ERROR=0 SKIP=0 TOTAL=2")
        .contains("Moved 1,500 rows");
    assertThat(lakeFiles("orders")).isEqualTo(1);
    assertThat(lakeFiles("order_lines")).isEqualTo(1);
  }

  @Test
  void startIsAnAliasAndEntitySelectsOneEntity() throws Exception {
    int code = run("start", "--project", project.toString(), "--entity", "shop.order_lines");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("TOTAL=1").doesNotContain("shop.orders ");
    assertThat(lakeFiles("orders")).isZero();
    assertThat(lakeFiles("order_lines")).isEqualTo(1);
  }

  @Test
  void dryRunShowsThePlanAndMovesNothing() throws Exception {
    int code = run("go", "--project", project.toString(), "--dry-run", "--incremental");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("Dry run of project shop: nothing will be moved.")
        .contains(
            "shop.orders: parquet landing/orders -> parquet lake/orders (incremental, loads only"
                + " new or changed files (0 loaded before))")
        .contains("2 entities selected.");
    assertThat(project.resolve("lake")).doesNotExist();
  }

  @Test
  void aFailingEntityExitsOneAndTheOthersStillLand() throws Exception {
    Files.delete(project.resolve("landing/orders/orders-01.parquet"));
    Files.writeString(project.resolve("landing/orders/orders-01.parquet"), "not parquet");

    int code = run("go", "--project", project.toString());

    assertThat(code).isEqualTo(1);
    assertThat(out.toString())
        .contains("PASS=1 WARN=0 ERROR=1 SKIP=0 TOTAL=2")
        .contains("ERROR in shop.orders:")
        .contains("orders-01.parquet");
    assertThat(lakeFiles("orders")).isZero();
    assertThat(lakeFiles("order_lines")).isEqualTo(1);
  }

  @Test
  void configErrorsExitTwoNamingFileLineAndKey() throws Exception {
    Files.writeString(
        project.resolve("hygge.yml"),
        Files.readString(project.resolve("hygge.yml")).replace("compression:", "compresion:"));

    int code = run("go", "--project", project.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("Unknown key 'compresion'")
        .contains("hygge.yml:10")
        .contains("Did you mean 'compression'?");
    assertThat(project.resolve("lake")).doesNotExist();
  }

  @Test
  void varOverridesASettingForOneRun() throws Exception {
    int code =
        run(
            "go",
            "--project",
            project.toString(),
            "--var",
            "flow.shop.store.compression=gzip",
            "--dry-run");
    assertThat(code).isZero();

    int bad =
        run("go", "--project", project.toString(), "--var", "flow.shop.store.compression=zip");
    assertThat(bad).isEqualTo(2);
    assertThat(err.toString()).contains("'zip' is not one of");
  }

  @Test
  void variablesResolveFromTheEnvironmentAndSystemProperties() throws Exception {
    Path log = project.resolve("debug.log");
    Process debug =
        HyggeProcess.start(Map.of("CODEC", "gzip"), log, "debug", "--project", project.toString());
    assertThat(debug.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(debug.exitValue()).as(Files.readString(log)).isZero();
    assertThat(Files.readString(log)).contains("compression: gzip  (hygge.yml:10)");

    System.setProperty("CODEC", "lz4");
    try {
      assertThat(run("debug", "--project", project.toString())).isZero();
    } finally {
      System.clearProperty("CODEC");
    }
    assertThat(out.toString()).contains("compression: lz4  (hygge.yml:10)");
  }

  @Test
  void missingProjectSaysWhereItLookedAndWhatToDo() {
    int code = run("go", "--project", project.resolve("nowhere").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("nowhere").contains("hygge init");
  }

  @Test
  void listAndDebugDescribeTheProject() {
    assertThat(run("list", "flows", "--project", project.toString())).isZero();
    assertThat(out.toString()).contains("shop  (2 entities, parquet -> parquet");

    assertThat(run("list", "entities", "--project", project.toString())).isZero();
    assertThat(out.toString())
        .contains("shop.orders  (parquet landing/orders -> parquet lake/orders, full_drop)");

    assertThat(run("debug", "--project", project.toString(), "--entity", "shop.orders")).isZero();
    assertThat(out.toString())
        .contains("configuration is valid")
        .contains("compression: zstd")
        .contains("row_group_size: 64MB  (default)")
        .contains("check path: ok,")
        .contains("All checks passed.");
  }

  @Test
  void debugFailsWhenAHomePathIsMissing() throws Exception {
    Files.writeString(
        project.resolve("hygge.yml"),
        Files.readString(project.resolve("hygge.yml")).replace("path: landing", "path: gone"));

    assertThat(run("debug", "--project", project.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("check path: MISSING,").contains("Some checks failed");
  }

  @Test
  void everyCommandHasHelpAndUnknownOptionsExitTwo() {
    for (String command : new String[] {"init", "go", "start", "list", "debug", "quickstart"}) {
      assertThat(run(command, "--help")).as(command).isZero();
    }
    assertThat(out.toString()).contains("--full-drop").contains("--concurrency");
    assertThat(run("go", "--concurency", "2")).isEqualTo(2);
    assertThat(err.toString())
        .contains("Unknown options: '--concurency'")
        .contains("Possible solutions: --concurrency");
  }

  @Test
  void initScaffoldsAProjectAndRefusesToOverwrite() throws Exception {
    Path dir = project.resolve("fresh");
    String previous = System.getProperty("user.dir");
    int code = run("init", dir.toString(), "--flows-dir", "pipelines");

    assertThat(code).as(err.toString()).isZero();
    assertThat(dir.resolve("hygge.yml")).content().contains("flows_dir: pipelines");
    assertThat(dir.resolve("pipelines/example/flow.yml")).exists();
    assertThat(dir.resolve("pipelines/example/entities/orders.yml")).exists();
    assertThat(dir.resolve("landing_zone/orders/orders.csv")).exists();
    assertThat(run("go", "--project", dir.toString())).as(out.toString()).isZero();
    assertThat(out.toString())
        .containsPattern("example\\.orders\\s+PASS\\s+10,000\\s")
        .containsPattern("example\\.customers\\s+PASS\\s+1,000\\s");
    assertThat(dir.resolve("data_lake/orders/part-000001.parquet")).exists();

    assertThat(run("init", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("already exists and is not empty").contains("--force");
    assertThat(run("init", dir.toString(), "--force")).isZero();
    assertThat(System.getProperty("user.dir")).isEqualTo(previous);
  }
}
