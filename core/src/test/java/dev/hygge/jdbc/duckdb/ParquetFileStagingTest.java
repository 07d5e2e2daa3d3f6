package dev.hygge.jdbc.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.config.ProjectLoader;
import dev.hygge.invoke.EntityReport;
import dev.hygge.invoke.EntityStatus;
import dev.hygge.invoke.FlowInvoker;
import dev.hygge.invoke.Invocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local Parquet files into a DuckDB table, read by DuckDB itself ({@link ParquetFileStager})
 * through the store's staging table and publish plan. The report's bytes tell which path ran: the
 * files' size when DuckDB read them, the Arrow buffers' size when batches moved.
 */
class ParquetFileStagingTest {
  private static final String COLUMNS =
      "id::BIGINT AS id, amount::DECIMAL(12,2) AS amount, note::VARCHAR AS note,"
          + " placed::TIMESTAMPTZ AS placed, paid::BOOLEAN AS paid";
  private static final String ROWS_QUERY =
      "SELECT id, amount, note, epoch_us(placed), paid FROM orders ORDER BY id";

  @TempDir Path project;
  private Path landing;

  @BeforeEach
  void landing() throws Exception {
    landing = Files.createDirectories(project.resolve("landing/orders"));
  }

  private String yml(String runType, String store) {
    return """
        name: shop
        flows:
          sales:
            home:
              type: parquet
              path: landing/{entity}
            store:
              type: duckdb
              database: lake.duckdb
              table: orders
        %s
            run_type: %s
            entities: [orders]
        """
        .formatted(store.indent(6).stripTrailing(), runType);
  }

  private EntityReport run(String yml) throws Exception {
    Files.writeString(project.resolve("hygge.yml"), yml);
    List<EntityReport> reports =
        new FlowInvoker(ProjectLoader.load(project)).invoke(Invocation.Manual.all()).entities();
    assertThat(reports).hasSize(1);
    return reports.get(0);
  }

  /** Writes a Parquet file of {@code values} rows (id, amount, note, placed, paid) with DuckDB. */
  private long parquet(String file, String values) throws SQLException, java.io.IOException {
    Path path = landing.resolve(file);
    duckdb(
        "COPY (SELECT "
            + COLUMNS
            + " FROM (VALUES "
            + values
            + ") AS v(id, amount, note, placed, paid)) TO '"
            + path
            + "' (FORMAT parquet)");
    return Files.size(path);
  }

  private void duckdb(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private List<List<String>> rows(String query) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection connection =
            DriverManager.getConnection("jdbc:duckdb:" + project.resolve("lake.duckdb"));
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(result.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private List<List<String>> stagingTables() throws SQLException {
    return rows("SELECT table_name FROM information_schema.tables WHERE table_name LIKE '%hygge%'");
  }

  @Test
  void duckDbReadsEveryFileItselfAndTheTableGetsExactlyTheirRows() throws Exception {
    long a =
        parquet(
            "a.parquet",
            "(1, 10.25, 'ø first', TIMESTAMPTZ '2024-01-31 10:00:00+00', true),"
                + " (2, -3.50, NULL, NULL, false)");
    long b = parquet("b.parquet", "(3, 0.01, 'it''s', TIMESTAMPTZ '2024-02-01 00:00:01+00', NULL)");

    EntityReport report = run(yml("full_drop", "if_exists: replace"));

    assertThat(report.status()).as(report.toString()).isEqualTo(EntityStatus.SUCCESS);
    assertThat(report.rows()).isEqualTo(3);
    assertThat(report.bytes()).as("DuckDB read the files").isEqualTo(a + b);
    assertThat(rows(ROWS_QUERY))
        .containsExactly(
            List.of("1", "10.25", "ø first", "1706695200000000", "true"),
            Arrays.asList("2", "-3.50", null, null, "false"),
            Arrays.asList("3", "0.01", "it's", "1706745601000000", null));
    assertThat(
            rows(
                "SELECT column_name, data_type FROM information_schema.columns"
                    + " WHERE table_name = 'orders' ORDER BY ordinal_position"))
        .containsExactly(
            List.of("id", "BIGINT"),
            List.of("amount", "DECIMAL(12,2)"),
            List.of("note", "VARCHAR"),
            List.of("placed", "TIMESTAMP WITH TIME ZONE"),
            List.of("paid", "BOOLEAN"));
    assertThat(stagingTables()).isEmpty();

    EntityReport replaced = run(yml("full_drop", "if_exists: replace"));

    assertThat(replaced.bytes()).as("DuckDB read the files again").isEqualTo(a + b);
    assertThat(rows("SELECT count(*), sum(id) FROM orders")).containsExactly(List.of("3", "6"));
    assertThat(stagingTables()).isEmpty();
  }

  @Test
  void anIncrementalRunReadsOnlyTheFilesTheJournalSelects() throws Exception {
    parquet("a.parquet", "(1, 1.00, 'a', NULL, true)");
    parquet("b.parquet", "(2, 2.00, 'b', NULL, true)");
    String yml = yml("incremental", "if_exists: append");
    EntityReport first = run(yml);
    assertThat(first.status()).as(first.toString()).isEqualTo(EntityStatus.SUCCESS);
    assertThat(first.rows()).isEqualTo(2);

    long c = parquet("c.parquet", "(3, 3.00, 'c', NULL, false), (4, 4.00, 'c', NULL, false)");
    EntityReport second = run(yml);

    assertThat(second.status()).as(second.toString()).isEqualTo(EntityStatus.SUCCESS);
    assertThat(second.rows()).isEqualTo(2);
    assertThat(second.bytes()).as("DuckDB read only the new file").isEqualTo(c);
    assertThat(rows("SELECT id, note FROM orders ORDER BY id"))
        .containsExactly(
            List.of("1", "a"), List.of("2", "b"), List.of("3", "c"), List.of("4", "c"));
    assertThat(run(yml).rows()).as("nothing new").isZero();
    assertThat(rows("SELECT count(*) FROM orders")).containsExactly(List.of("4"));
  }

  @Test
  void aMergeUpdatesRowsByKeyFromTheFilesDuckDbReads() throws Exception {
    parquet("a.parquet", "(1, 1.00, 'old', NULL, false), (2, 2.00, 'old', NULL, false)");
    String yml = yml("incremental", "write_strategy: merge\nprimary_key: [id]");
    assertThat(run(yml).status()).isEqualTo(EntityStatus.SUCCESS);

    long b = parquet("b.parquet", "(2, 20.00, 'new', NULL, true), (3, 30.00, 'new', NULL, true)");
    EntityReport merged = run(yml);

    assertThat(merged.status()).as(merged.toString()).isEqualTo(EntityStatus.SUCCESS);
    assertThat(merged.bytes())
        .as("the DECIMAL(12,2) column's limit holds for DECIMAL(12,2) data: no value checks")
        .isEqualTo(b);
    assertThat(rows("SELECT id, amount, note, paid FROM orders ORDER BY id"))
        .containsExactly(
            List.of("1", "1.00", "old", "false"),
            List.of("2", "20.00", "new", "true"),
            List.of("3", "30.00", "new", "true"));
    assertThat(stagingTables()).isEmpty();
  }

  @Test
  void aNewColumnIsRefusedAndTheTableStaysAsItWas() throws Exception {
    parquet("a.parquet", "(1, 1.00, 'a', NULL, true)");
    String yml = yml("incremental", "if_exists: append");
    assertThat(run(yml).status()).isEqualTo(EntityStatus.SUCCESS);
    duckdb(
        "COPY (SELECT "
            + COLUMNS
            + ", 'SPRING' AS coupon FROM (VALUES (2, 2.00, 'b', NULL, true))"
            + " AS v(id, amount, note, placed, paid)) TO '"
            + landing.resolve("b.parquet")
            + "' (FORMAT parquet)");

    EntityReport drifted = run(yml);

    assertThat(drifted.status()).isEqualTo(EntityStatus.FAILED);
    assertThat(drifted.error().orElseThrow())
        .contains("Cannot write entity sales.orders into")
        .contains("column 'coupon' (VARCHAR) is new, not in the table")
        .contains("schema_evolution: add_columns");
    assertThat(rows("SELECT id, note FROM orders")).containsExactly(List.of("1", "a"));
    assertThat(stagingTables()).isEmpty();
  }

  @Test
  void valuesThatMayNotFitTheTableGoThroughTheCheckedBatchPath() throws Exception {
    try (Connection connection =
            DriverManager.getConnection("jdbc:duckdb:" + project.resolve("lake.duckdb"));
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE orders (id INTEGER, amount DECIMAL(12,2), note VARCHAR,"
              + " placed TIMESTAMPTZ, paid BOOLEAN)");
      statement.execute("INSERT INTO orders VALUES (7, 7.00, 'kept', NULL, true)");
    }
    parquet("a.parquet", "(1, 1.00, 'a', NULL, true), (3000000000, 2.00, 'too big', NULL, true)");

    EntityReport report = run(yml("full_drop", "if_exists: append"));

    assertThat(report.status()).isEqualTo(EntityStatus.FAILED);
    assertThat(report.error().orElseThrow())
        .contains("row 2 of the load has 3000000000 in column 'id'")
        .contains("Nothing was published; the table is as it was.");
    assertThat(rows("SELECT id, note FROM orders")).containsExactly(List.of("7", "kept"));
    assertThat(stagingTables()).isEmpty();
  }

  @Test
  void aFileNameDuckDbWouldTakeForAGlobGoesThroughBatches() throws Exception {
    long odd = parquet("a[1].parquet", "(1, 1.00, 'a', NULL, true)");
    parquet("b.parquet", "(2, 2.00, 'b', NULL, false)");

    EntityReport report = run(yml("full_drop", "if_exists: replace"));

    assertThat(report.status()).as(report.toString()).isEqualTo(EntityStatus.SUCCESS);
    assertThat(report.bytes())
        .as("batches moved")
        .isNotEqualTo(odd + Files.size(landing.resolve("b.parquet")));
    assertThat(rows("SELECT id, note, paid FROM orders ORDER BY id"))
        .containsExactly(List.of("1", "a", "true"), List.of("2", "b", "false"));
  }
}
