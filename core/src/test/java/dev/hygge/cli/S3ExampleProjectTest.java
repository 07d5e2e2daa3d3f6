package dev.hygge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.hygge.config.LoadOptions;
import dev.hygge.config.ProjectLoader;
import dev.hygge.flow.Registry;
import dev.hygge.invoke.EntityReport;
import dev.hygge.invoke.EntityStatus;
import dev.hygge.invoke.FlowInvoker;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.RunReport;
import dev.hygge.storage.InputObject;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.OutputObject;
import dev.hygge.storage.s3.S3ObjectStore;
import dev.hygge.storage.s3.S3Options;
import dev.hygge.testing.S3Emulator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The object storage example ({@code examples/s3/hygge.yml}, run by {@code examples/s3/run.sh}) as
 * it is in the repository, against s3proxy in this JVM: the quickstart's sample files land in the
 * bucket, the project moves them into the lake in the same bucket, and DuckDB compares what arrives
 * with what landed. The variables are the ones run.sh exports.
 */
class S3ExampleProjectTest {
  private static final String BUCKET = "example-lake";
  private static final long ORDERS = 20_000;

  private static S3Emulator s3;

  @TempDir Path work;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = S3Emulator.start();
    s3.createBucket(BUCKET);
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (s3 != null) {
      s3.close();
    }
  }

  private static Path exampleProject() {
    Path fromModule = Path.of("..", "examples", "s3");
    return Files.isRegularFile(fromModule.resolve("hygge.yml"))
        ? fromModule
        : Path.of("examples", "s3");
  }

  private static S3ObjectStore objectStore() {
    return new S3ObjectStore(() -> s3.client(S3Options.defaults()), S3Options.defaults());
  }

  private static Location object(String key) {
    return Location.parse("s3://" + BUCKET + "/" + key);
  }

  private RunReport runExample() {
    LoadOptions options =
        new LoadOptions(
            Optional.empty(),
            Map.of(),
            Map.of(
                "S3_ENDPOINT",
                s3.endpoint().toString(),
                "S3_BUCKET",
                BUCKET,
                "S3_ACCESS_KEY_ID",
                S3Emulator.ACCESS_KEY,
                "S3_SECRET_ACCESS_KEY",
                S3Emulator.SECRET_KEY));
    return new FlowInvoker(ProjectLoader.load(exampleProject(), options, Registry.standard()))
        .invoke(Invocation.Manual.all());
  }

  /** Uploads every file of the landing zone to {@code landing/<relative path>}. */
  private static void land(Path landing) throws Exception {
    try (S3ObjectStore store = objectStore();
        Stream<Path> files = Files.walk(landing)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String key = "landing/" + landing.relativize(file).toString().replace('\\', '/');
        try (OutputObject out = store.createOrOverwrite(object(key))) {
          out.write(Files.readAllBytes(file));
          out.commit();
        }
      }
    }
  }

  /** Downloads every object under {@code lake/} into {@code target}; returns their keys. */
  private static List<String> downloadLake(Path target) throws Exception {
    try (S3ObjectStore store = objectStore()) {
      List<String> keys =
          store.list(object("lake/")).stream()
              .map(ObjectInfo::location)
              .map(l -> l.path().substring(l.path().indexOf("lake/")))
              .sorted()
              .toList();
      for (String key : keys) {
        Path file = target.resolve(key);
        Files.createDirectories(file.getParent());
        InputObject in = store.open(object(key));
        try (InputStream stream = in.newStream()) {
          Files.copy(stream, file);
        }
      }
      return keys;
    }
  }

  @Test
  void theExampleMovesTheBucketsLandingZoneIntoItsLake() throws Exception {
    Path landing = work.resolve("landing_zone");
    SampleLandingZone sample = new SampleLandingZone(landing, ORDERS);
    sample.write();
    land(landing);

    RunReport report = runExample();

    assertThat(report.entities())
        .allSatisfy(e -> assertThat(e.error()).as(e.qualifiedName()).isEmpty())
        .extracting(EntityReport::qualifiedName, EntityReport::status, EntityReport::rows)
        .containsExactlyInAnyOrder(
            tuple("shop.orders", EntityStatus.SUCCESS, ORDERS),
            tuple("shop.order_lines", EntityStatus.SUCCESS, sample.orderLines()),
            tuple("crm.customers", EntityStatus.SUCCESS, sample.customers()),
            tuple("crm.products", EntityStatus.SUCCESS, sample.products()));
    Path lake = work.resolve("downloaded");
    assertThat(downloadLake(lake))
        .containsExactly(
            "lake/customers/part-000001.parquet",
            "lake/order_lines/part-000001.parquet",
            "lake/orders/part-000001.parquet",
            "lake/products/part-000001.parquet");
    for (String entity : List.of("orders", "order_lines")) {
      assertThat(
              duckdb(
                  "SELECT count(*) FROM (SELECT * FROM '%s/*.parquet' EXCEPT ALL SELECT * FROM '%s')"
                      .formatted(
                          landing.resolve(entity), lake.resolve("lake/" + entity + "/*.parquet"))))
          .as(entity + ": landed rows missing from the lake")
          .isEqualTo("0");
      assertThat(
              duckdb(
                  "SELECT DISTINCT compression FROM parquet_metadata('%s')"
                      .formatted(lake.resolve("lake/" + entity + "/*.parquet"))))
          .isEqualTo("ZSTD");
    }
    Path products = lake.resolve("lake/products/part-000001.parquet");
    assertThat(
            duckdb(
                String.format(
                    "SELECT string_agg(column_name || ' ' || column_type, ', ')"
                        + " FROM (DESCRIBE SELECT * FROM '%s')",
                    products)))
        .isEqualTo("id BIGINT, name VARCHAR, price DECIMAL(8,2)");
    String productTotals = "count(*) || ' ' || sum(id) || ' ' || sum(price)";
    assertThat(duckdb(String.format("SELECT %s FROM '%s'", productTotals, products)))
        .isEqualTo(
            duckdb(
                String.format(
                    "SELECT %s FROM read_csv('%s', types={'price': 'DECIMAL(8,2)'})",
                    productTotals, landing.resolve("products/products.csv"))));
    assertThat(
            duckdb(
                String.format(
                    "SELECT any_value(typeof(signed_up)) || ' ' || count(*) || ' ' || count(DISTINCT email)"
                        + " FROM '%s'",
                    lake.resolve("lake/customers/part-000001.parquet"))))
        .isEqualTo("DATE " + sample.customers() + " " + sample.customers());
  }

  private static String duckdb(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      assertThat(r.next()).as("a row from: " + sql).isTrue();
      return r.getString(1);
    }
  }
}
