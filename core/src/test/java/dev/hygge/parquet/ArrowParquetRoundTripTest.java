package dev.hygge.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ArrowParquetRoundTripTest {
  @TempDir Path dir;
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @ParameterizedTest
  @EnumSource(ParquetCompression.class)
  void everyTypeRoundTripsWithEveryCodec(ParquetCompression compression) throws Exception {
    Path file = dir.resolve("all.parquet");
    int batches = 3;
    int rowsPerBatch = 700;
    StringBuilder expected = new StringBuilder();
    ParquetWriteOptions options = new ParquetWriteOptions(compression, 16 * 1024, 4 * 1024);
    ArrowParquetWriter closedWriter;
    try (ArrowParquetWriter writer =
        new ArrowParquetWriter(file, ArrowBatches.allTypes(), options)) {
      closedWriter = writer;
      long before = writer.bytesWritten();
      for (int b = 0; b < batches; b++) {
        try (VectorSchemaRoot batch =
            ArrowBatches.allTypes(allocator, b * rowsPerBatch, rowsPerBatch)) {
          writer.write(batch);
          expected.append(rows(batch));
        }
      }
      assertThat(writer.rowsWritten()).isEqualTo(batches * rowsPerBatch);
      assertThat(writer.bytesWritten()).isGreaterThan(before);
    }
    assertThat(closedWriter.bytesWritten()).isEqualTo(Files.size(file));
    try (ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(file))) {
      assertThat(footer.getRowGroups()).hasSizeGreaterThan(2);
      assertThat(footer.getRowGroups().get(0).getColumns().get(0).getCodec())
          .isEqualTo(compression.codec());
    }
    StringBuilder actual = new StringBuilder();
    try (ArrowParquetReader reader = new ArrowParquetReader(file, List.of(), 500, allocator)) {
      assertThat(reader.schema()).isEqualTo(ArrowBatches.allTypes());
      while (reader.loadNextBatch()) {
        assertThat(reader.root().getRowCount()).isLessThanOrEqualTo(500);
        actual.append(rows(reader.root()));
      }
      assertThat(reader.bytesRead()).isPositive();
    }
    assertThat(actual.toString()).isEqualTo(expected.toString());
  }

  @Test
  void readsSelectedColumnsInRequestedOrder() throws Exception {
    Path file = write("some.parquet", 50);
    try (ArrowParquetReader reader =
        new ArrowParquetReader(file, List.of("utf8", "id"), 1000, allocator)) {
      assertThat(reader.schema().getFields())
          .extracting(f -> f.getName())
          .containsExactly("utf8", "id");
      assertThat(reader.loadNextBatch()).isTrue();
      assertThat(reader.root().getRowCount()).isEqualTo(50);
      assertThat(reader.root().getVector("id").getObject(7)).isEqualTo(7L);
      assertThat(reader.root().getVector("utf8").getObject(5).toString()).isEqualTo("value-5-æøå");
      assertThat(reader.loadNextBatch()).isFalse();
    }
  }

  @Test
  void unknownColumnNamesTheColumnTheFileAndTheAvailableColumns() throws Exception {
    Path file = write("cols.parquet", 5);
    assertThatThrownBy(() -> new ArrowParquetReader(file, List.of("nope"), 10, allocator))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("'nope'")
        .hasMessageContaining(file.toString())
        .hasMessageContaining("available columns: id, bool, i8")
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.HOME));
  }

  @Test
  void writerRefusesAnExistingFile() throws Exception {
    Path file = write("exists.parquet", 1);
    assertThatThrownBy(
            () ->
                new ArrowParquetWriter(
                    file, ArrowBatches.allTypes(), ParquetWriteOptions.defaults()))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("already exists")
        .hasMessageContaining(file.toString());
  }

  @Test
  void nullInANonNullableColumnFailsTheWriteAndCloseLeavesNoFooter() throws Exception {
    Path file = dir.resolve("bad.parquet");
    ArrowParquetWriter writer =
        new ArrowParquetWriter(file, ArrowBatches.allTypes(), ParquetWriteOptions.defaults());
    try (VectorSchemaRoot batch = ArrowBatches.allTypes(allocator, 0, 10)) {
      ((org.apache.arrow.vector.BigIntVector) batch.getVector("id")).setNull(3);
      assertThatThrownBy(() -> writer.write(batch))
          .isInstanceOf(HyggeException.class)
          .hasMessageContaining("'id' is declared not nullable")
          .hasMessageContaining("position 3");
    }
    writer.close();
    assertThatThrownBy(() -> new ArrowParquetReader(file, List.of(), 10, allocator))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void emptyFileHasSchemaAndNoBatches() throws Exception {
    Path file = write("empty.parquet", 0);
    try (ArrowParquetReader reader = new ArrowParquetReader(file, List.of(), 10, allocator)) {
      assertThat(reader.schema()).isEqualTo(ArrowBatches.allTypes());
      assertThat(reader.loadNextBatch()).isFalse();
    }
    assertThat(Files.size(file)).isPositive();
  }

  private Path write(String name, int rows) {
    Path file = dir.resolve(name);
    Schema schema = ArrowBatches.allTypes();
    try (ArrowParquetWriter writer =
            new ArrowParquetWriter(file, schema, ParquetWriteOptions.defaults());
        VectorSchemaRoot batch = ArrowBatches.allTypes(allocator, 0, rows)) {
      writer.write(batch);
    }
    return file;
  }

  static String rows(VectorSchemaRoot root) {
    StringBuilder text = new StringBuilder();
    for (int row = 0; row < root.getRowCount(); row++) {
      for (org.apache.arrow.vector.FieldVector vector : root.getFieldVectors()) {
        Object value = vector.getObject(row);
        text.append(value instanceof byte[] bytes ? java.util.Arrays.toString(bytes) : value);
        text.append('\t');
      }
      text.append('\n');
    }
    return text.toString();
  }
}
