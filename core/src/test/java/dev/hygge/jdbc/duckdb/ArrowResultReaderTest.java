package dev.hygge.jdbc.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.HyggeException;
import dev.hygge.flow.BatchReader;
import dev.hygge.flow.ReadRequest;
import dev.hygge.jdbc.DatabaseFile;
import dev.hygge.jdbc.JdbcHome;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DuckDB home reading DuckDB's own Arrow export, in-process, and its fallback to JDBC. */
class ArrowResultReaderTest {
  @TempDir Path directory;
  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private DatabaseFile database(String... statements) throws Exception {
    DuckDbDialect dialect = new DuckDbDialect();
    Path file = directory.resolve("shop.duckdb");
    try (Connection connection = DriverManager.getConnection(dialect.url(file));
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
    return new DatabaseFile(dialect, file, "shop.duckdb");
  }

  private record Read(String reader, String schema, List<String> rows, List<Integer> sizes) {}

  private Read read(DatabaseFile database, String table, int batchSize) {
    JdbcHome home = new JdbcHome(database, Optional.of(table), Optional.empty());
    List<String> rows = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    try (BatchReader reader =
        home.open(new ReadRequest("shop.orders", List.of(), batchSize, allocator))) {
      while (reader.loadNextBatch()) {
        VectorSchemaRoot root = reader.root();
        sizes.add(root.getRowCount());
        for (int row = 0; row < root.getRowCount(); row++) {
          StringBuilder text = new StringBuilder();
          for (var vector : root.getFieldVectors()) {
            text.append(vector.getObject(row)).append('|');
          }
          rows.add(text.toString());
        }
      }
      return new Read(reader.getClass().getSimpleName(), reader.schema().toString(), rows, sizes);
    }
  }

  @Test
  void plainColumnsReadThroughDuckDbsArrowExportInBatches() throws Exception {
    DatabaseFile database =
        database(
            "CREATE TABLE orders (id BIGINT, name VARCHAR, amount DECIMAL(12,2), ok BOOLEAN,"
                + " day DATE, ts TIMESTAMP, small INTEGER, ratio DOUBLE)",
            "INSERT INTO orders SELECT i, 'n' || i, i * 1.25, i % 2 = 0, DATE '2024-01-01' + i::INT,"
                + " TIMESTAMP '2024-01-01 00:00:00' + to_seconds(i), i::INT, i / 4"
                + " FROM range(1, 6) t(i)",
            "INSERT INTO orders VALUES (null, null, null, null, null, null, null, null)");

    Read read = read(database, "orders", 2);

    assertThat(read.reader()).isEqualTo("ArrowResultReader");
    assertThat(read.schema())
        .isEqualTo(
            "Schema<id: Int(64, true), name: Utf8, amount: Decimal(12, 2, 128), ok: Bool,"
                + " day: Date(DAY), ts: Timestamp(MICROSECOND, null), small: Int(32, true),"
                + " ratio: FloatingPoint(DOUBLE)>");
    assertThat(read.rows())
        .hasSize(6)
        .contains("1|n1|1.25|false|19724|2024-01-01T00:00:01|1|0.25|")
        .contains("null|null|null|null|null|null|null|null|");
    assertThat(read.sizes().stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
  }

  @Test
  void aColumnExportedAsAnotherArrowTypeFallsBackToJdbc() throws Exception {
    DatabaseFile database =
        database(
            "CREATE TABLE orders (id BIGINT, ts TIMESTAMPTZ)",
            "INSERT INTO orders VALUES (1, TIMESTAMPTZ '2024-01-01 00:00:00+00'), (2, null)");

    Read read = read(database, "orders", 10);

    assertThat(read.reader()).isEqualTo("JdbcBatchReader");
    assertThat(read.schema())
        .isEqualTo("Schema<id: Int(64, true), ts: Timestamp(MICROSECOND, UTC)>");
    assertThat(read.rows()).containsExactly("1|1704067200000000|", "2|null|");
  }

  @Test
  void anUnreadableTypeStillFailsNamingTheColumn() throws Exception {
    DatabaseFile database = database("CREATE TABLE orders (id BIGINT, tags VARCHAR[])");

    assertThatThrownBy(() -> read(database, "orders", 10))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("column 'tags' has type")
        .hasMessageContaining("cast it in a query:");
  }
}
