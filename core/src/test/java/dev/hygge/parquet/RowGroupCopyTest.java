package dev.hygge.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.config.ProjectLoader;
import dev.hygge.invoke.FlowInvoker;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet to Parquet without decoding: row groups are copied as they are when the files already
 * have the columns and codec the store writes, and re-encoded otherwise. The landing zone is
 * written by DuckDB (3 files of 3 row groups each), and DuckDB checks the lake.
 */
class RowGroupCopyTest {
  private static final int ROWS_PER_FILE = 3_000;

  /** DuckDB rounds row groups to its vector size: 2048 + 952 rows per file. */
  private static final int ROWS_PER_GROUP = 1_000;

  @TempDir Path project;

  @BeforeEach
  void landingZone() throws Exception {
    Files.createDirectories(project.resolve("landing/orders"));
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = duck.createStatement()) {
      for (int file = 0; file < 3; file++) {
        st.execute(
            "COPY (SELECT i AS id, 'name-' || i AS name, (i % 97)::DECIMAL(12,2) AS amount,"
                + " CASE WHEN i % 5 = 0 THEN NULL ELSE TIMESTAMPTZ '2024-01-01 00:00:00+00'"
                + " + to_seconds(i) END AS ts, [i, i + 1] AS pair"
                + " FROM range("
                + file * ROWS_PER_FILE
                + ", "
                + (file + 1) * ROWS_PER_FILE
                + ") t(i)) TO '"
                + project.resolve("landing/orders/part-" + file + ".parquet")
                + "' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE "
                + ROWS_PER_GROUP
                + ")");
      }
    }
  }

  private RunReport run(String storeSettings) throws Exception {
    Files.writeString(
        project.resolve("hygge.yml"),
        """
        name: copy
        flows:
          shop:
            home:
              type: parquet
              path: landing
            store:
              type: parquet
              path: lake
        %s
            entities: [orders]
        """
            .formatted(storeSettings.indent(6).stripTrailing()));
    RunReport report = new FlowInvoker(ProjectLoader.load(project)).invoke(Invocation.Manual.all());
    assertThat(report.succeeded()).as(report.toString()).isTrue();
    return report;
  }

  /** Rows per row group of the lake's files, in file order. */
  private List<Long> rowGroups() throws Exception {
    return rowGroups("lake");
  }

  private List<Long> rowGroups(String dir) throws Exception {
    return longs(
        "SELECT row_group_num_rows FROM (SELECT DISTINCT file_name, row_group_id,"
            + " row_group_num_rows FROM parquet_metadata('"
            + project.resolve(dir + "/orders/*.parquet")
            + "')) ORDER BY file_name, row_group_id");
  }

  private List<Long> longs(String sql) throws Exception {
    List<Long> values = new ArrayList<>();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = duck.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getLong(1));
      }
    }
    return values;
  }

  private void assertLakeEqualsLanding() throws Exception {
    String lake = "read_parquet('" + project.resolve("lake/orders/*.parquet") + "')";
    String landing = "read_parquet('" + project.resolve("landing/orders/*.parquet") + "')";
    assertThat(longs("SELECT count(*) FROM " + lake)).containsExactly(9_000L);
    assertThat(
            longs(
                "SELECT count(*) FROM (SELECT * FROM "
                    + lake
                    + " EXCEPT ALL SELECT * FROM "
                    + landing
                    + ")"))
        .containsExactly(0L);
    assertThat(longs("SELECT count(*) FROM " + lake + " WHERE ts IS NULL")).containsExactly(1_800L);
  }

  @Test
  void copiesRowGroupsAsTheyAreWhenColumnsAndCodecAgree() throws Exception {
    RunReport report = run("");

    assertThat(report.entities().get(0).rows()).isEqualTo(9_000);
    assertThat(rowGroups("landing")).hasSizeGreaterThan(3);
    assertThat(rowGroups()).isEqualTo(rowGroups("landing"));
    assertLakeEqualsLanding();
  }

  @Test
  void rollsCopiedRowGroupsIntoFilesOfTheTargetSize() throws Exception {
    RunReport report = run("target_file_size: 1KB");

    List<Long> sourceGroups = rowGroups("landing");
    assertThat(report.entities().get(0).files()).isEqualTo(sourceGroups.size());
    assertThat(rowGroups()).isEqualTo(sourceGroups);
    assertLakeEqualsLanding();
  }

  @Test
  void reEncodesWhenTheCodecDiffers() throws Exception {
    run("compression: zstd");

    assertThat(rowGroups()).containsExactly(9_000L);
    assertLakeEqualsLanding();
  }

  @Test
  void reEncodesWhenCopyingIsTurnedOff() throws Exception {
    run("copy_row_groups: false");

    assertThat(rowGroups()).containsExactly(9_000L);
    assertLakeEqualsLanding();
  }

  @Test
  void reEncodesWhenTheEntitySelectsColumns() throws Exception {
    String yml =
        """
        name: copy
        flows:
          shop:
            home:
              type: parquet
              path: landing
            store:
              type: parquet
              path: lake
            entities:
              - name: orders
                columns: [id, name]
        """;
    Files.writeString(project.resolve("hygge.yml"), yml);
    RunReport report = new FlowInvoker(ProjectLoader.load(project)).invoke(Invocation.Manual.all());

    assertThat(report.succeeded()).isTrue();
    assertThat(rowGroups()).containsExactly(9_000L);
    assertThat(
            longs(
                "SELECT count(*) FROM (DESCRIBE SELECT * FROM read_parquet('"
                    + project.resolve("lake/orders/*.parquet")
                    + "'))"))
        .containsExactly(2L);
  }
}
