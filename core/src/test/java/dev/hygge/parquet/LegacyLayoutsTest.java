package dev.hygge.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files in layouts other writers produce (legacy two-level lists, unannotated repeated fields,
 * INT96 timestamps, ENUM and UUID), written here with parquet-mr's own record writer, plus
 * dictionary-encoded input and unsupported types.
 */
class LegacyLayoutsTest {
  @TempDir Path dir;
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private static final MessageType LEGACY =
      MessageTypeParser.parseMessageType(
          "message legacy {"
              + " required int32 id;"
              + " optional group two_level (LIST) { repeated int32 array; }"
              + " optional group tuples (LIST) { repeated group tuples_tuple { required binary s (STRING); } }"
              + " repeated int64 bare;"
              + " optional int96 ts96;"
              + " optional group kv (MAP) { repeated group key_value {"
              + "   required binary key (STRING); optional int32 value; } }"
              + " optional binary e (ENUM);"
              + " optional fixed_len_byte_array(16) u (UUID);"
              + " optional fixed_len_byte_array(6) d (DECIMAL(12,2));"
              + "}");

  private void writeRaw(Path file, MessageType schema, List<Consumer<RecordConsumer>> records)
      throws Exception {
    ParquetProperties properties = ParquetProperties.builder().build();
    CodecFactory codecs = new CodecFactory(new PlainParquetConfiguration(), 1024);
    ParquetFileWriter writer =
        new ParquetFileWriter(
            new LocalOutputFile(file),
            schema,
            ParquetFileWriter.Mode.CREATE,
            1024,
            0,
            null,
            properties);
    writer.start();
    ColumnChunkPageWriteStore pages =
        new ColumnChunkPageWriteStore(
            codecs.getCompressor(CompressionCodecName.SNAPPY),
            schema,
            properties.getAllocator(),
            properties.getColumnIndexTruncateLength(),
            false);
    ColumnWriteStore columns = properties.newColumnWriteStore(schema, pages, pages);
    RecordConsumer consumer = new ColumnIOFactory().getColumnIO(schema).getRecordWriter(columns);
    for (Consumer<RecordConsumer> record : records) {
      consumer.startMessage();
      record.accept(consumer);
      consumer.endMessage();
    }
    consumer.flush();
    writer.startBlock(records.size());
    columns.flush();
    pages.flushToFileWriter(writer);
    writer.endBlock();
    writer.end(Map.of());
    columns.close();
    pages.close();
    codecs.release();
  }

  private static void field(RecordConsumer c, String name, int index, Runnable values) {
    c.startField(name, index);
    values.run();
    c.endField(name, index);
  }

  private static Binary sixBytes(long unscaled) {
    byte[] bytes = new byte[6];
    for (int i = 0; i < bytes.length; i++) {
      bytes[bytes.length - 1 - i] = (byte) (unscaled >> (Byte.SIZE * i));
    }
    return Binary.fromConstantByteArray(bytes);
  }

  private static Binary int96(int julianDay, long nanosOfDay) {
    ByteBuffer bytes = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    bytes.putLong(nanosOfDay).putInt(julianDay);
    return Binary.fromConstantByteArray(bytes.array());
  }

  @Test
  void readsLegacyListsRepeatedFieldsInt96MapsEnumsAndUuids() throws Exception {
    Path file = dir.resolve("legacy.parquet");
    byte[] uuid = new byte[16];
    uuid[15] = 7;
    writeRaw(
        file,
        LEGACY,
        List.of(
            c -> {
              field(c, "id", 0, () -> c.addInteger(0));
              field(
                  c,
                  "two_level",
                  1,
                  () -> {
                    c.startGroup();
                    field(
                        c,
                        "array",
                        0,
                        () -> {
                          c.addInteger(1);
                          c.addInteger(2);
                        });
                    c.endGroup();
                  });
              field(
                  c,
                  "tuples",
                  2,
                  () -> {
                    c.startGroup();
                    field(
                        c,
                        "tuples_tuple",
                        0,
                        () -> {
                          c.startGroup();
                          field(c, "s", 0, () -> c.addBinary(Binary.fromString("a")));
                          c.endGroup();
                        });
                    c.endGroup();
                  });
              field(
                  c,
                  "bare",
                  3,
                  () -> {
                    c.addLong(5);
                    c.addLong(6);
                  });
              field(c, "ts96", 4, () -> c.addBinary(int96(2_440_589, 1_000)));
              field(
                  c,
                  "kv",
                  5,
                  () -> {
                    c.startGroup();
                    field(
                        c,
                        "key_value",
                        0,
                        () -> {
                          c.startGroup();
                          field(c, "key", 0, () -> c.addBinary(Binary.fromString("k")));
                          field(c, "value", 1, () -> c.addInteger(9));
                          c.endGroup();
                        });
                    c.endGroup();
                  });
              field(c, "e", 6, () -> c.addBinary(Binary.fromString("RED")));
              field(c, "u", 7, () -> c.addBinary(Binary.fromConstantByteArray(uuid)));
              field(c, "d", 8, () -> c.addBinary(sixBytes(-1_234_567_890_12L)));
            },
            c -> {
              field(c, "id", 0, () -> c.addInteger(1));
              field(c, "d", 8, () -> c.addBinary(sixBytes(98_765_432_10L)));
              field(
                  c,
                  "two_level",
                  1,
                  () -> {
                    c.startGroup();
                    c.endGroup();
                  });
            }));
    try (ArrowParquetReader reader = new ArrowParquetReader(file, List.of(), 10, allocator)) {
      Schema schema = reader.schema();
      assertThat(schema.findField("two_level").getChildren().get(0).isNullable()).isFalse();
      assertThat(schema.findField("tuples").getChildren().get(0).getType())
          .isEqualTo(ArrowType.Struct.INSTANCE);
      assertThat(schema.findField("bare").getType()).isEqualTo(ArrowType.List.INSTANCE);
      assertThat(schema.findField("bare").isNullable()).isFalse();
      assertThat(schema.findField("ts96").getType())
          .isEqualTo(new ArrowType.Timestamp(TimeUnit.NANOSECOND, null));
      assertThat(schema.findField("kv").getType()).isEqualTo(new ArrowType.Map(false));
      assertThat(schema.findField("e").getType()).isEqualTo(ArrowType.Utf8.INSTANCE);
      assertThat(schema.findField("u").getType()).isEqualTo(new ArrowType.FixedSizeBinary(16));
      assertThat(reader.loadNextBatch()).isTrue();
      VectorSchemaRoot root = reader.root();
      assertThat(root.getRowCount()).isEqualTo(2);
      assertThat(root.getVector("two_level").getObject(0).toString()).isEqualTo("[1,2]");
      assertThat(root.getVector("two_level").getObject(1).toString()).isEqualTo("[]");
      assertThat(root.getVector("tuples").getObject(0).toString()).isEqualTo("[{\"s\":\"a\"}]");
      assertThat(root.getVector("tuples").isNull(1)).isTrue();
      assertThat(root.getVector("bare").getObject(0).toString()).isEqualTo("[5,6]");
      assertThat(root.getVector("bare").getObject(1).toString()).isEqualTo("[]");
      assertThat(root.getVector("ts96").getObject(0).toString())
          .isEqualTo("1970-01-02T00:00:00.000001");
      assertThat(root.getVector("ts96").isNull(1)).isTrue();
      assertThat(root.getVector("kv").getObject(0).toString())
          .isEqualTo("[{\"key\":\"k\",\"value\":9}]");
      assertThat(root.getVector("e").getObject(0).toString()).isEqualTo("RED");
      assertThat((byte[]) root.getVector("u").getObject(0)).isEqualTo(uuid);
      assertThat(root.getVector("d").getObject(0)).isEqualTo(new BigDecimal("-1234567890.12"));
      assertThat(root.getVector("d").getObject(1)).isEqualTo(new BigDecimal("98765432.10"));
      assertThat(reader.loadNextBatch()).isFalse();
    }
  }

  @Test
  void writesDecodedValuesOfDictionaryEncodedColumns() throws Exception {
    Path file = dir.resolve("dictionary.parquet");
    DictionaryEncoding encoding = new DictionaryEncoding(1L, false, null);
    Field status =
        new Field("status", new FieldType(true, ArrowType.Utf8.INSTANCE, encoding), null);
    try (VarCharVector values = new VarCharVector("status", allocator);
        VarCharVector plain = new VarCharVector("status", allocator)) {
      values.allocateNew();
      values.setSafe(0, "paid".getBytes(StandardCharsets.UTF_8));
      values.setSafe(1, "open".getBytes(StandardCharsets.UTF_8));
      values.setValueCount(2);
      plain.allocateNew();
      plain.setSafe(0, "open".getBytes(StandardCharsets.UTF_8));
      plain.setNull(1);
      plain.setSafe(2, "paid".getBytes(StandardCharsets.UTF_8));
      plain.setValueCount(3);
      Dictionary dictionary = new Dictionary(values, encoding);
      try (org.apache.arrow.vector.FieldVector indices =
              (org.apache.arrow.vector.FieldVector) DictionaryEncoder.encode(plain, dictionary);
          VectorSchemaRoot batch = new VectorSchemaRoot(List.of(status), List.of(indices), 3);
          ArrowParquetWriter writer =
              new ArrowParquetWriter(
                  file, new Schema(List.of(status)), ParquetWriteOptions.defaults())) {
        assertThatThrownBy(() -> writer.write(batch))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("DictionaryProvider");
        writer.write(batch, new DictionaryProvider.MapDictionaryProvider(dictionary));
      }
    }
    try (ArrowParquetReader reader = new ArrowParquetReader(file, List.of(), 10, allocator)) {
      assertThat(reader.schema().findField("status").getType()).isEqualTo(ArrowType.Utf8.INSTANCE);
      assertThat(reader.schema().findField("status").getDictionary()).isNull();
      assertThat(reader.loadNextBatch()).isTrue();
      assertThat(reader.root().getVector(0).getObject(0).toString()).isEqualTo("open");
      assertThat(reader.root().getVector(0).isNull(1)).isTrue();
      assertThat(reader.root().getVector(0).getObject(2).toString()).isEqualTo("paid");
    }
  }

  @Test
  void unsupportedTypesFailEarlyNamingTheColumnAndType() {
    Schema schema =
        new Schema(
            List.of(
                new Field(
                    "wait",
                    FieldType.nullable(new ArrowType.Interval(IntervalUnit.MONTH_DAY_NANO)),
                    null)));
    assertThatThrownBy(
            () ->
                new ArrowParquetWriter(
                    dir.resolve("x.parquet"), schema, ParquetWriteOptions.defaults()))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("'wait'")
        .hasMessageContaining("Interval(MONTH_DAY_NANO)")
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.STORE));
    assertThat(dir.resolve("x.parquet")).doesNotExist();
  }
}
