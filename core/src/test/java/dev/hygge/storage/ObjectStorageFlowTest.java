package dev.hygge.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.ErrorKind;
import dev.hygge.config.ProjectLoader;
import dev.hygge.config.RunType;
import dev.hygge.invoke.EntityReport;
import dev.hygge.invoke.EntityStatus;
import dev.hygge.invoke.FlowInvoker;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.RunReport;
import dev.hygge.storage.s3.S3ObjectStore;
import dev.hygge.storage.s3.S3Options;
import dev.hygge.testing.S3Emulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet flows into and out of S3 end to end: a project with a named credential writes local
 * Parquet into a bucket of s3proxy (in this JVM, on loopback) and reads it back; DuckDB checks the
 * rows that arrive.
 */
class ObjectStorageFlowTest {
  private static final String BUCKET = "lake";
  private static final long ROWS = 250_000;

  private static S3Emulator s3;

  @TempDir Path project;

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

  private String prefix() {
    return "s3://" + BUCKET + "/" + project.getFileName() + "/raw";
  }

  private void writeProject(String storeExtra) throws Exception {
    Files.writeString(
        project.resolve("hygge.yml"),
        """
        name: shop
        credentials:
          lake:
            type: s3
            method: access_key
            access_key_id: %s
            secret_access_key: ${LAKE_SECRET}
        flows:
          upload:
            home:
              type: parquet
              path: landing
            store:
              type: parquet
              path: %s
              endpoint: %s
              credential: lake
              part_size: 5MB
        %s
            entities: [orders]
          download:
            home:
              type: parquet
              path: %s
              endpoint: %s
              credential: lake
            store:
              type: parquet
              path: out
            entities: [orders]
        """
            .formatted(
                S3Emulator.ACCESS_KEY,
                prefix(),
                s3.endpoint(),
                storeExtra.indent(6).stripTrailing(),
                prefix(),
                s3.endpoint()));
    Files.writeString(project.resolve(".env"), "LAKE_SECRET=" + S3Emulator.SECRET_KEY + "\n");
  }

  private RunReport run(String flow, RunType runType) {
    return new FlowInvoker(ProjectLoader.load(project))
        .invoke(
            new Invocation.Manual(
                List.of(flow),
                List.of(),
                new Invocation.RunOptions(Optional.of(runType), OptionalInt.empty())));
  }

  private List<String> lakeObjects() {
    try (S3ObjectStore store =
        new S3ObjectStore(() -> s3.client(S3Options.defaults()), S3Options.defaults())) {
      String base = BUCKET + "/" + project.getFileName() + "/";
      return store.list(Location.parse("s3://" + base)).stream()
          .map(o -> o.location().path().substring(base.length() - BUCKET.length() - 1))
          .toList();
    }
  }

  @Test
  void parquetGoesIntoTheBucketAndComesBackWithEveryRow() throws Exception {
    writeProject("compression: zstd");

    RunReport upload = run("upload", RunType.FULL_DROP);
    RunReport download = run("download", RunType.FULL_DROP);

    assertThat(upload.entities())
        .extracting(EntityReport::status)
        .containsExactly(EntityStatus.SUCCESS);
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
    writeProject("compression: snappy");

    RunReport upload = run("upload", RunType.FULL_DROP);

    assertThat(upload.totalRows()).isEqualTo(ROWS);
    RunReport download = run("download", RunType.FULL_DROP);
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
    writeProject("compression: zstd");

    run("upload", RunType.FULL_DROP);
    run("upload", RunType.FULL_DROP);
    assertThat(lakeObjects()).containsExactly("raw/orders/part-000002.parquet");

    run("upload", RunType.INCREMENTAL);
    assertThat(lakeObjects())
        .containsExactly("raw/orders/part-000002.parquet", "raw/orders/part-000003.parquet");
    assertThat(run("download", RunType.FULL_DROP).totalRows()).isEqualTo(2 * ROWS);
  }

  @Test
  void aWrongSecretFailsTheEntityAsACredentialProblem() throws Exception {
    writeProject("compression: zstd");
    Files.writeString(project.resolve(".env"), "LAKE_SECRET=not-the-secret\n");

    RunReport upload = run("upload", RunType.FULL_DROP);

    EntityReport orders = upload.entities().get(0);
    assertThat(orders.status()).isEqualTo(EntityStatus.FAILED);
    assertThat(orders.errorKind()).contains(ErrorKind.CREDENTIAL);
    assertThat(orders.error().orElseThrow())
        .contains("access denied")
        .contains("bucket 'lake'")
        .doesNotContain("not-the-secret");
  }

  @Test
  void csvFilesAreStreamedOutOfTheBucket() throws Exception {
    writeProject("compression: zstd");
    try (S3ObjectStore store =
        new S3ObjectStore(() -> s3.client(S3Options.defaults()), S3Options.defaults())) {
      for (int file = 1; file <= 2; file++) {
        StringBuilder csv = new StringBuilder("id,name\n");
        for (int i = 0; i < 1000; i++) {
          csv.append(file * 1000 + i).append(",n").append(i).append('\n');
        }
        try (OutputObject out =
            store.create(
                Location.parse(
                    "s3://"
                        + BUCKET
                        + "/"
                        + project.getFileName()
                        + "/csv/customers/"
                        + file
                        + ".csv"))) {
          out.write(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
          out.commit();
        }
      }
    }
    Files.writeString(
        project.resolve("hygge.yml"),
        Files.readString(project.resolve("hygge.yml"))
            + """
              crm:
                home:
                  type: csv
                  path: s3://%s/%s/csv
                  endpoint: %s
                  credential: lake
                store:
                  type: parquet
                  path: out
                entities: [customers]
            """
                .formatted(BUCKET, project.getFileName(), s3.endpoint()));

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

  private static String duckdb(String sql) throws Exception {
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
