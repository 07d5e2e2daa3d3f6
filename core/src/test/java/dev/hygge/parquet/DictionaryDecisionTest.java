package dev.hygge.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DictionaryDecisionTest {
  private static final int ROWS_PER_BATCH = 20_000;
  private static final String[] STATUSES = {"paid", "pending", "shipped"};

  @TempDir Path dir;
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void columnThatFellBackToPlainSkipsTheDictionaryInLaterRowGroupsOthersKeepIt() throws Exception {
    Schema schema =
        new Schema(
            List.of(
                ArrowBatches.required("id", new ArrowType.Int(64, true)),
                ArrowBatches.required("status", ArrowType.Utf8.INSTANCE)));
    Path file = dir.resolve("dict.parquet");
    // 16 KiB pages and dictionaries, 128 KiB row groups: unique ids overflow the dictionary.
    ParquetWriteOptions options =
        new ParquetWriteOptions(ParquetCompression.SNAPPY, 128 * 1024, 16 * 1024);
    List<Long> ids = new ArrayList<>();
    try (ArrowParquetWriter writer = new ArrowParquetWriter(file, schema, options)) {
      for (int b = 0; b < 4; b++) {
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator)) {
          batch.allocateNew();
          BigIntVector id = (BigIntVector) batch.getVector("id");
          VarCharVector status = (VarCharVector) batch.getVector("status");
          for (int i = 0; i < ROWS_PER_BATCH; i++) {
            long value = (long) b * ROWS_PER_BATCH + i;
            id.setSafe(i, value);
            status.setSafe(i, STATUSES[i % STATUSES.length].getBytes(StandardCharsets.UTF_8));
            ids.add(value);
          }
          batch.setRowCount(ROWS_PER_BATCH);
          writer.write(batch);
        }
      }
    }

    try (ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(file))) {
      List<BlockMetaData> rowGroups = footer.getRowGroups();
      assertThat(rowGroups).hasSizeGreaterThan(2);
      for (BlockMetaData rowGroup : rowGroups) {
        assertThat(rowGroup.getColumns().get(0).hasDictionaryPage()).isFalse();
        assertThat(rowGroup.getColumns().get(1).hasDictionaryPage()).isTrue();
      }
    }
    List<Long> read = new ArrayList<>();
    List<String> statuses = new ArrayList<>();
    try (ArrowParquetReader reader = new ArrowParquetReader(file, List.of(), 10_000, allocator)) {
      while (reader.loadNextBatch()) {
        BigIntVector id = (BigIntVector) reader.root().getVector("id");
        VarCharVector status = (VarCharVector) reader.root().getVector("status");
        for (int i = 0; i < reader.root().getRowCount(); i++) {
          read.add(id.get(i));
          statuses.add(new String(status.get(i), StandardCharsets.UTF_8));
        }
      }
    }
    assertThat(read).isEqualTo(ids);
    assertThat(statuses).hasSize(ids.size());
    for (int row = 0; row < statuses.size(); row++) {
      assertThat(statuses.get(row)).isEqualTo(STATUSES[row % ROWS_PER_BATCH % STATUSES.length]);
    }
  }
}
