package dev.hygge.jdbc.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.flow.BatchReader;
import dev.hygge.flow.ReadRequest;
import dev.hygge.jdbc.DatabaseFile;
import dev.hygge.jdbc.JdbcHome;
import dev.hygge.jdbc.PartitionedBatchReader;
import dev.hygge.jdbc.RangePartitions;
import dev.hygge.jdbc.duckdb.DuckDbDialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partitioned reads: the generated range predicates run against a real database (DuckDB in-process,
 * since no SQL Server runs here; the predicates are plain SQL both accept) and the partitions are
 * read in parallel by {@link PartitionedBatchReader}.
 */
class PartitionedReadTest {
  private static final int KEYS = 1_000;
  private static final int NULL_KEYS = 3;

  @TempDir Path dir;
  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void everyRowIsReadExactlyOnceAcrossParallelPartitions() throws Exception {
    Path file = dir.resolve("shop.duckdb");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE orders AS SELECT i AS id, 'n' || i AS name FROM range(1, "
              + (KEYS + 1)
              + ") t(i) UNION ALL SELECT NULL, 'no key' FROM range(0, "
              + NULL_KEYS
              + ")");
    }
    DatabaseFile database = new DatabaseFile(new DuckDbDialect(), file, "shop.duckdb");
    ReadRequest request = new ReadRequest("shop.orders", List.of(), 64, allocator);
    List<BatchReader> partitions = new ArrayList<>();
    for (String predicate : RangePartitions.predicates("\"id\"", 1, KEYS, 4)) {
      String query = SqlServerHome.partitionQuery("orders", predicate);
      partitions.add(new JdbcHome(database, Optional.empty(), Optional.of(query)).open(request));
    }

    List<Long> ids = new ArrayList<>();
    int nullKeys = 0;
    int batches = 0;
    try (BatchReader reader = new PartitionedBatchReader("shop.orders", partitions, allocator)) {
      assertThat(reader.schema().getFields()).hasSize(2);
      while (reader.loadNextBatch()) {
        batches++;
        BigIntVector id = (BigIntVector) reader.root().getVector("id");
        VarCharVector name = (VarCharVector) reader.root().getVector("name");
        for (int row = 0; row < reader.root().getRowCount(); row++) {
          if (id.isNull(row)) {
            nullKeys++;
            assertThat(name.getObject(row).toString()).isEqualTo("no key");
          } else {
            ids.add(id.get(row));
            assertThat(name.getObject(row).toString()).isEqualTo("n" + id.get(row));
          }
        }
      }
      assertThat(reader.filesRead()).isEqualTo(4);
      assertThat(reader.bytesRead()).isPositive();
    }

    assertThat(nullKeys).isEqualTo(NULL_KEYS);
    assertThat(ids).hasSize(KEYS).doesNotHaveDuplicates();
    assertThat(ids).allMatch(id -> id >= 1 && id <= KEYS);
    assertThat(batches).isGreaterThanOrEqualTo(KEYS / 64);
  }

  @Test
  void closingEarlyStopsEveryPartitionAndFreesTheirBatches() throws Exception {
    Path file = dir.resolve("big.duckdb");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t AS SELECT i AS id FROM range(0, 100000) r(i)");
    }
    DatabaseFile database = new DatabaseFile(new DuckDbDialect(), file, "big.duckdb");
    ReadRequest request = new ReadRequest("x.t", List.of(), 100, allocator);
    List<BatchReader> partitions = new ArrayList<>();
    for (String predicate : RangePartitions.predicates("\"id\"", 0, 99_999, 3)) {
      partitions.add(
          new JdbcHome(
                  database,
                  Optional.empty(),
                  Optional.of(SqlServerHome.partitionQuery("t", predicate)))
              .open(request));
    }

    try (BatchReader reader = new PartitionedBatchReader("x.t", partitions, allocator)) {
      assertThat(reader.loadNextBatch()).isTrue();
      assertThat(reader.root().getRowCount()).isEqualTo(100);
    }
    assertThat(allocator.getAllocatedMemory()).isZero();
  }
}
