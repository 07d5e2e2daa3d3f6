package dev.hygge.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.HyggeException;
import dev.hygge.config.ProjectLoader;
import dev.hygge.config.RunType;
import dev.hygge.invoke.EntityReport;
import dev.hygge.invoke.EntityStatus;
import dev.hygge.invoke.FlowInvoker;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.RunReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet and CSV flows into and out of one object-storage service end to end, configured as a user
 * would (a URL, the service's endpoint, a named credential): local Parquet goes up into the bucket
 * and comes back down, CSV objects are streamed out; DuckDB checks the rows that arrive. Subclasses
 * start the service's emulator.
 */
abstract class ObjectStorageFlowContract {
  static final String BUCKET = "lake";
  private static final long ROWS = 250_000;

  @TempDir Path project;

  /** The credential named {@code lake}, as YAML keys under its name. */
  protected abstract String credential();

  /** The bucket's URL, e.g. {@code s3://lake}. */
  protected abstract String bucketUrl();

  /** The settings beside {@code path} that reach the emulator, e.g. {@code endpoint: ...}. */
  protected abstract String serviceSettings();

  /** The project's {@code .env}, holding the credential's secret. */
  protected abstract String envFile();

  /** A store on the emulator, for listing and seeding objects. */
  protected abstract ObjectStore openStore();

  @BeforeEach
  void landOrders() throws Exception {
    Path landing = Files.createDirectories(project.resolve("landing/orders"));
    duckdb(
        "COPY (SELECT i AS id, 'customer-' || (i % 97) AS customer, i * 0.5 AS amount"
            + " FROM range("
            + ROWS
            + ") t(i)) TO '"
            + landing.resolve("orders.parquet")
            + "' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 100000)");
  }

  private String base() {
    return bucketUrl() + "/" + project.getFileName();
  }

  protected void writeProject(String storeExtra, String extraFlows) throws Exception {
    String service = serviceSettings().indent(6).stripTrailing();
    Files.writeString(
        project.resolve("hygge.yml"),
        """
        name: shop
        credentials:
          lake:
        %s
        flows:
          upload:
            home:
              type: parquet
              path: landing
            store:
              type: parquet
              path: %s/raw
              credential: lake
              part_size: 5MB
        %s
        %s
            entities: [orders]
          download:
            home:
              type: parquet
              path: %s/raw
              credential: lake
        %s
            store:
              type: parquet
              path: out
            entities: [orders]
        %s
        """
            .formatted(
                credential().indent(4).stripTrailing(),
                base(),
                service,
                storeExtra.indent(6).stripTrailing(),
                base(),
                service,
                extraFlows.indent(2).stripTrailing()));
    Files.writeString(project.resolve(".env"), envFile());
  }

  protected RunReport run(String flow, RunType runType) {
    return new FlowInvoker(ProjectLoader.load(project))
        .invoke(
            new Invocation.Manual(
                List.of(flow),
                List.of(),
                new Invocation.RunOptions(Optional.of(runType), OptionalInt.empty())));
  }

  private List<String> lakeObjects() {
    Location base = Location.parse(base() + "/");
    try (ObjectStore store = openStore()) {
      return ((SupportsListing) store)
          .list(base).stream()
              .map(o -> o.location().path().substring(base.path().length()))
              .toList();
    }
  }

  @Test
  void parquetGoesIntoTheBucketAndComesBackWithEveryRow() throws Exception {
    writeProject("compression: zstd", "");

    RunReport upload = run("upload", RunType.FULL_DROP);
    RunReport download = run("download", RunType.FULL_DROP);

    assertThat(upload.entities().get(0).error()).isEmpty();
    assertThat(upload.totalRows()).isEqualTo(ROWS);
    assertThat(download.entities())
        .extracting(EntityReport::status)
        .containsExactly(EntityStatus.SUCCESS);
    assertThat(download.totalRows()).isEqualTo(ROWS);
    assertThat(lakeObjects()).containsExactly("raw/orders/part-000001.parquet");
    assertThat(
            duckdb(
                "SELECT count(*) || ' ' || sum(id) || ' ' || count(DISTINCT customer) || ' '"
                    + " || sum(amount) FROM '"
                    + project.resolve("out/orders")
                    + "/*.parquet'"))
        .isEqualTo(ROWS + " " + (ROWS * (ROWS - 1) / 2) + " 97 15624937500.0");
  }

  @Test
  void rowGroupsAreCopiedIntoTheBucketWhenTheCodecMatches() throws Exception {
    writeProject("compression: snappy", "");

    RunReport upload = run("upload", RunType.FULL_DROP);
    RunReport download = run("download", RunType.FULL_DROP);

    assertThat(upload.entities().get(0).error()).isEmpty();
    assertThat(upload.totalRows()).isEqualTo(ROWS);
    assertThat(download.totalRows()).isEqualTo(ROWS);
    assertThat(
            duckdb(
                "SELECT count(*) || ' ' || sum(id) FROM '"
                    + project.resolve("out/orders")
                    + "/*.parquet'"))
        .isEqualTo(ROWS + " " + (ROWS * (ROWS - 1) / 2));
  }

  @Test
  void fullDropReplacesTheFilesAndIncrementalAddsToThem() throws Exception {
    writeProject("compression: zstd", "");

    run("upload", RunType.FULL_DROP);
    run("upload", RunType.FULL_DROP);
    assertThat(lakeObjects()).containsExactly("raw/orders/part-000002.parquet");

    run("upload", RunType.INCREMENTAL);
    assertThat(lakeObjects())
        .containsExactly("raw/orders/part-000002.parquet", "raw/orders/part-000003.parquet");
    assertThat(run("download", RunType.FULL_DROP).totalRows()).isEqualTo(2 * ROWS);
  }

  @Test
  void csvObjectsAreStreamedOutOfTheBucket() throws Exception {
    try (ObjectStore store = openStore()) {
      for (int file = 1; file <= 2; file++) {
        StringBuilder csv = new StringBuilder("id,name\n");
        for (int i = 0; i < 1000; i++) {
          csv.append(file * 1000 + i).append(",n").append(i).append('\n');
        }
        try (OutputObject out =
            store.create(Location.parse(base() + "/csv/customers/" + file + ".csv"))) {
          out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
          out.commit();
        }
      }
    }
    writeProject(
        "compression: zstd",
        """
        crm:
          home:
            type: csv
            path: %s/csv
            credential: lake
        %s
          store:
            type: parquet
            path: out
          entities: [customers]
        """
            .formatted(base(), serviceSettings().indent(4).stripTrailing()));

    RunReport crm = run("crm", RunType.FULL_DROP);

    assertThat(crm.entities().get(0).error()).isEmpty();
    assertThat(crm.totalRows()).isEqualTo(2000);
    assertThat(
            duckdb(
                "SELECT count(*) || ' ' || min(id) || ' ' || max(id) FROM '"
                    + project.resolve("out/customers")
                    + "/*.parquet'"))
        .isEqualTo("2000 1000 2999");
  }

  /**
   * The object a cloud event names for {@code key} under the bucket, as the cloud's event parser
   * gives it (Azure Blob events carry the account beside an {@code az://} location).
   */
  protected CreatedObject created(String key) {
    return CreatedObject.at(Location.parse(bucketUrl() + "/" + key));
  }

  private void putCsv(ObjectStore store, String key, int first, int rows) throws Exception {
    StringBuilder csv = new StringBuilder("id,name\n");
    for (int i = 0; i < rows; i++) {
      csv.append(first + i).append(",n").append(i).append('\n');
    }
    try (OutputObject out = store.create(Location.parse(bucketUrl() + "/" + key))) {
      out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
      out.commit();
    }
  }

  private RunReport event(String key) {
    return new FlowInvoker(ProjectLoader.load(project))
        .invoke(new Invocation.ObjectCreated(created(key), Invocation.RunOptions.defaults()));
  }

  @Test
  void anObjectCreatedEventLoadsThatObjectOnceHoweverOftenItIsDelivered() throws Exception {
    String prefix = project.getFileName() + "/events/customers/";
    try (ObjectStore store = openStore()) {
      putCsv(store, prefix + "1.csv", 1000, 10);
      putCsv(store, prefix + "2.csv", 2000, 20);
    }
    writeProject(
        "compression: zstd",
        """
        crm:
          home:
            type: csv
            path: %s/events
            credential: lake
        %s
          store:
            type: parquet
            path: out
          run_type: incremental
          entities: [customers]
        """
            .formatted(base(), serviceSettings().indent(4).stripTrailing()));

    RunReport first = event(prefix + "1.csv");
    RunReport again = event(prefix + "1.csv");
    RunReport scheduled = run("crm", RunType.INCREMENTAL);

    assertThat(first.entities())
        .extracting(EntityReport::qualifiedName)
        .containsExactly("crm.customers");
    assertThat(first.entities().get(0).error()).isEmpty();
    assertThat(first.totalRows()).as("only the object the event names").isEqualTo(10);
    assertThat(again.entities().get(0).status()).isEqualTo(EntityStatus.SUCCESS);
    assertThat(again.totalRows()).as("a repeated event is a no-op").isZero();
    assertThat(scheduled.totalRows()).as("the schedule takes what no event brought").isEqualTo(20);
    assertThat(
            duckdb(
                "SELECT count(*) || ' ' || count(DISTINCT id) FROM '"
                    + project.resolve("out/customers")
                    + "/*.parquet'"))
        .isEqualTo("30 30");
    assertThatThrownBy(() -> event(project.getFileName() + "/elsewhere/3.csv"))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("No entity of project shop reads")
        .hasMessageContaining("elsewhere/3.csv")
        .hasMessageContaining("crm.customers");
  }

  static String duckdb(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      if (!s.execute(sql)) {
        return null;
      }
      try (ResultSet r = s.getResultSet()) {
        r.next();
        return r.getString(1);
      }
    }
  }
}
