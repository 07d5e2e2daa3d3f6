package dev.hygge.jdbc.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TimeStampNanoVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rows and column metadata bulk copy receives through {@link ArrowBulkData}, read from real
 * Arrow batches of every supported type.
 */
class ArrowBulkDataTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private static final List<Field> FIELDS =
      List.of(
          Field.nullable("flag", ArrowType.Bool.INSTANCE),
          Field.nullable("tiny", new ArrowType.Int(8, true)),
          Field.nullable("small", new ArrowType.Int(16, true)),
          Field.nullable("normal", new ArrowType.Int(32, true)),
          Field.nullable("big", new ArrowType.Int(64, true)),
          Field.nullable("u8", new ArrowType.Int(8, false)),
          Field.nullable("u16", new ArrowType.Int(16, false)),
          Field.nullable("u32", new ArrowType.Int(32, false)),
          Field.nullable("single", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
          Field.nullable("double", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
          Field.nullable("amount", new ArrowType.Decimal(12, 2, 128)),
          Field.nullable("text", ArrowType.Utf8.INSTANCE),
          Field.nullable("bytes", ArrowType.Binary.INSTANCE),
          Field.nullable("fixed", new ArrowType.FixedSizeBinary(2)),
          Field.nullable("day", new ArrowType.Date(DateUnit.DAY)),
          Field.nullable("day_ms", new ArrowType.Date(DateUnit.MILLISECOND)),
          Field.nullable("clock_s", new ArrowType.Time(TimeUnit.SECOND, 32)),
          Field.nullable("clock_us", new ArrowType.Time(TimeUnit.MICROSECOND, 64)),
          Field.nullable("clock_ns", new ArrowType.Time(TimeUnit.NANOSECOND, 64)),
          Field.nullable("moment", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
          Field.nullable("moment_ns", new ArrowType.Timestamp(TimeUnit.NANOSECOND, null)),
          Field.nullable("instant", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")));

  private VectorSchemaRoot batch() {
    VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(FIELDS), allocator);
    root.allocateNew();
    ((BitVector) root.getVector("flag")).setSafe(0, 1);
    ((TinyIntVector) root.getVector("tiny")).setSafe(0, -128);
    ((SmallIntVector) root.getVector("small")).setSafe(0, 32_767);
    ((IntVector) root.getVector("normal")).setSafe(0, -2_000_000_000);
    ((BigIntVector) root.getVector("big")).setSafe(0, Long.MAX_VALUE);
    ((UInt1Vector) root.getVector("u8")).setSafe(0, (byte) 0xFF);
    ((UInt2Vector) root.getVector("u16")).setSafe(0, (char) 0xFFFF);
    ((UInt4Vector) root.getVector("u32")).setSafe(0, 0xFFFF_FFFF);
    ((Float4Vector) root.getVector("single")).setSafe(0, 1.5f);
    ((Float8Vector) root.getVector("double")).setSafe(0, -2.25);
    ((DecimalVector) root.getVector("amount")).setSafe(0, new BigDecimal("1234567890.12"));
    ((VarCharVector) root.getVector("text"))
        .setSafe(0, "Smørrebrød 😀".getBytes(StandardCharsets.UTF_8));
    ((VarBinaryVector) root.getVector("bytes")).setSafe(0, new byte[] {0, 1, (byte) 0xFF});
    ((FixedSizeBinaryVector) root.getVector("fixed")).setSafe(0, new byte[] {7, 8});
    ((DateDayVector) root.getVector("day")).setSafe(0, 19_723); // 2024-01-01
    ((DateMilliVector) root.getVector("day_ms")).setSafe(0, -86_400_000L); // 1969-12-31
    ((TimeSecVector) root.getVector("clock_s")).setSafe(0, 3_600 * 23 + 59 * 60 + 58);
    ((TimeMicroVector) root.getVector("clock_us")).setSafe(0, 45_296_000_123L); // 12:34:56.000123
    ((TimeNanoVector) root.getVector("clock_ns")).setSafe(0, 1_234_567_891L); // 00:00:01.2345678
    // 2024-03-10 02:30:00.123456, a wall-clock time that does not exist in US time zones.
    ((TimeStampMicroVector) root.getVector("moment")).setSafe(0, 1_710_037_800_123_456L);
    ((TimeStampNanoVector) root.getVector("moment_ns"))
        .setSafe(0, -1L); // 1969-12-31 23:59:59.9999999
    ((TimeStampMicroTZVector) root.getVector("instant")).setSafe(0, 0L);
    for (int column = 0; column < FIELDS.size(); column++) {
      root.getVector(column).setNull(1);
    }
    root.setRowCount(2);
    return root;
  }

  private static List<SqlServerType> types() {
    return FIELDS.stream().map(f -> SqlServerTypeMapping.of(f.getType()).orElseThrow()).toList();
  }

  private static List<String> names() {
    return FIELDS.stream().map(Field::getName).toList();
  }

  @Test
  void describesEachColumnForBulkCopy() {
    ArrowBulkData data = new ArrowBulkData(names(), types(), () -> null);

    assertThat(data.getColumnOrdinals()).hasSize(FIELDS.size()).startsWith(1, 2, 3);
    assertThat(data.getColumnName(1)).isEqualTo("flag");
    assertThat(data.getColumnType(1)).isEqualTo(Types.BIT);
    assertThat(data.getColumnType(2)).isEqualTo(Types.SMALLINT);
    assertThat(data.getColumnType(11)).isEqualTo(Types.DECIMAL);
    assertThat(data.getPrecision(11)).isEqualTo(12);
    assertThat(data.getScale(11)).isEqualTo(2);
    assertThat(data.getColumnType(12)).isEqualTo(Types.NVARCHAR);
    assertThat(data.getColumnType(20)).isEqualTo(Types.TIMESTAMP);
    assertThat(data.getScale(20)).isEqualTo(6);
    assertThat(data.getColumnType(22)).isEqualTo(SqlServerTypeMapping.DATETIMEOFFSET);
  }

  @Test
  void handsOverEveryRowOfEveryBatchAsTheValuesBulkCopyExpects() throws Exception {
    Deque<VectorSchemaRoot> batches = new ArrayDeque<>(List.of(batch(), batch()));
    List<Object[]> rows = new ArrayList<>();
    try (ArrowBulkData data = new ArrowBulkData(names(), types(), batches::poll)) {
      while (data.next()) {
        Object[] row = data.getRowData();
        rows.add(Arrays.copyOf(row, row.length));
      }
      assertThat(data.rows()).isEqualTo(4);
    }

    assertThat(rows).hasSize(4);
    assertThat(rows.get(0))
        .containsExactly(
            Boolean.TRUE,
            (short) -128,
            (short) 32_767,
            -2_000_000_000,
            Long.MAX_VALUE,
            (short) 255,
            65_535,
            4_294_967_295L,
            1.5f,
            -2.25,
            new BigDecimal("1234567890.12"),
            "Smørrebrød 😀",
            new byte[] {0, 1, (byte) 0xFF},
            new byte[] {7, 8},
            "2024-01-01",
            "1969-12-31",
            "23:59:58.0000000",
            "12:34:56.0001230",
            "00:00:01.2345678",
            "2024-03-10 02:30:00.1234560",
            "1969-12-31 23:59:59.9999999",
            "1970-01-01 00:00:00.0000000 +00:00");
    assertThat(rows.get(1)).containsOnlyNulls();
    assertThat(rows.get(2)).isEqualTo(rows.get(0));
  }

  @Test
  void closingMidBatchFreesIt() throws Exception {
    Deque<VectorSchemaRoot> batches = new ArrayDeque<>(List.of(batch()));
    try (ArrowBulkData data = new ArrowBulkData(names(), types(), batches::poll)) {
      assertThat(data.next()).isTrue();
    }
    // The allocator closing in @AfterEach fails the test if the batch leaked.
    assertThat(allocator.getAllocatedMemory()).isZero();
  }
}
