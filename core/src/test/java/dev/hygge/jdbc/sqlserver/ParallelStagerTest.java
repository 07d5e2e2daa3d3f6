package dev.hygge.jdbc.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The parallel load pipeline. No SQL Server runs here, so each load is an in-process stand-in for
 * {@link BulkCopyLoader}: it drains its {@link ArrowBulkData} through {@code next()} and {@code
 * getRowData()} exactly as {@code SQLServerBulkCopy.writeToServer} does, and keeps the rows.
 */
class ParallelStagerTest {
  private static final int BATCHES = 25;
  private static final int ROWS = 100;

  private final BufferAllocator allocator = new RootAllocator();
  private final Schema schema =
      new Schema(
          List.of(
              Field.nullable("id", new ArrowType.Int(64, true)),
              Field.nullable("name", ArrowType.Utf8.INSTANCE)));
  private final List<String> names = List.of("id", "name");
  private final List<SqlServerType> types =
      List.of(
          SqlServerType.plain("BIGINT", Types.BIGINT),
          new SqlServerType("NVARCHAR", Types.NVARCHAR, 0, 0, SqlServerType.Sizing.TEXT));

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  /** The stand-in server table: every row any load delivered, by id. */
  private final ConcurrentHashMap<Long, String> table = new ConcurrentHashMap<>();

  private final List<String> loadThreads = Collections.synchronizedList(new ArrayList<>());

  private BulkLoader recordingLoader() {
    return data -> {
      loadThreads.add(Thread.currentThread().getName());
      while (data.next()) {
        Object[] row = data.getRowData();
        table.put((Long) row[0], (String) row[1]);
      }
    };
  }

  private void stageBatches(ParallelStager stager, int batches) throws SQLException {
    try (VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator)) {
      for (int b = 0; b < batches; b++) {
        batch.allocateNew();
        for (int row = 0; row < ROWS; row++) {
          long id = (long) b * ROWS + row;
          ((BigIntVector) batch.getVector("id")).setSafe(row, id);
          ((VarCharVector) batch.getVector("name")).setSafe(row, ("n" + id).getBytes());
        }
        batch.setRowCount(ROWS);
        stager.stage(batch);
        // The caller may reuse its batch at once: the stager copied it.
        batch.getVector("id").clear();
      }
    }
  }

  @Test
  void everyRowReachesTheTableOnceThroughSeveralLoads() throws Exception {
    List<BulkLoader> loaders = List.of(recordingLoader(), recordingLoader(), recordingLoader());
    long rows;
    try (ParallelStager stager = new ParallelStager(names, types, loaders, allocator, "load")) {
      stageBatches(stager, BATCHES);
      rows = stager.finish();
    }

    assertThat(rows).isEqualTo(BATCHES * ROWS);
    assertThat(table).hasSize(BATCHES * ROWS);
    assertThat(table.get(0L)).isEqualTo("n0");
    assertThat(table.get((long) BATCHES * ROWS - 1)).isEqualTo("n" + (BATCHES * ROWS - 1));
    assertThat(loadThreads).hasSize(3).containsOnly("load");
  }

  @Test
  void theFirstLoadFailureIsWhatTheWriterSeesAndNothingLeaks() throws Exception {
    BulkLoader failing =
        data -> {
          data.next();
          throw new SQLException("String or binary data would be truncated", "22001", 2628);
        };
    List<BulkLoader> loaders = List.of(failing, recordingLoader());
    try (ParallelStager stager = new ParallelStager(names, types, loaders, allocator, "load")) {
      assertThatThrownBy(
              () -> {
                stageBatches(stager, BATCHES);
                stager.finish();
              })
          .isInstanceOf(SQLException.class)
          .hasMessage("String or binary data would be truncated");
    }
    assertThat(allocator.getAllocatedMemory()).isZero();
  }

  @Test
  void closingBeforeFinishCancelsLoadsWaitingForBatches() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    BulkLoader waiting =
        data -> {
          started.countDown();
          while (data.next()) {
            data.getRowData();
          }
        };
    ParallelStager stager = new ParallelStager(names, types, List.of(waiting), allocator, "load");
    stageBatches(stager, 1);
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    stager.close();

    assertThat(allocator.getAllocatedMemory()).isZero();
  }
}
