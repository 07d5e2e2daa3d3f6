package dev.hygge.jdbc;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** Batches for the dialect tests: every supported type with typical, extreme and null values. */
final class SampleBatches {
  private static final int ROWS = 3;

  private SampleBatches() {}

  /** Every type of the standard mapping, decimals only when {@code withDecimal}. */
  static VectorSchemaRoot allTypes(BufferAllocator allocator, boolean withDecimal) {
    List<Field> fields = new ArrayList<>();
    fields.add(Field.nullable("flag", ArrowType.Bool.INSTANCE));
    fields.add(Field.nullable("tiny", new ArrowType.Int(8, true)));
    fields.add(Field.nullable("small", new ArrowType.Int(16, true)));
    fields.add(Field.nullable("normal", new ArrowType.Int(32, true)));
    fields.add(Field.nullable("big", new ArrowType.Int(64, true)));
    fields.add(
        Field.nullable("single", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)));
    fields.add(
        Field.nullable("double", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)));
    fields.add(Field.nullable("text", ArrowType.Utf8.INSTANCE));
    fields.add(Field.nullable("bytes", ArrowType.Binary.INSTANCE));
    fields.add(Field.nullable("day", new ArrowType.Date(DateUnit.DAY)));
    fields.add(Field.nullable("moment", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)));
    fields.add(Field.nullable("zoned", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")));
    fields.add(Field.nullable("clock", new ArrowType.Time(TimeUnit.MICROSECOND, 64)));
    if (withDecimal) {
      fields.add(Field.nullable("amount", new ArrowType.Decimal(12, 2, 128)));
    }
    VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
    root.allocateNew();
    ((BitVector) root.getVector("flag")).setSafe(0, 1);
    ((BitVector) root.getVector("flag")).setSafe(1, 0);
    ((TinyIntVector) root.getVector("tiny")).setSafe(0, 7);
    ((TinyIntVector) root.getVector("tiny")).setSafe(1, Byte.MIN_VALUE);
    ((SmallIntVector) root.getVector("small")).setSafe(0, 300);
    ((SmallIntVector) root.getVector("small")).setSafe(1, Short.MAX_VALUE);
    ((IntVector) root.getVector("normal")).setSafe(0, 70_000);
    ((IntVector) root.getVector("normal")).setSafe(1, Integer.MIN_VALUE);
    ((BigIntVector) root.getVector("big")).setSafe(0, 5_000_000_000L);
    ((BigIntVector) root.getVector("big")).setSafe(1, Long.MAX_VALUE);
    ((Float4Vector) root.getVector("single")).setSafe(0, 1.5f);
    ((Float4Vector) root.getVector("single")).setSafe(1, -3.25e10f);
    ((Float8Vector) root.getVector("double")).setSafe(0, 0.1);
    ((Float8Vector) root.getVector("double")).setSafe(1, -1.0e300);
    ((VarCharVector) root.getVector("text")).setSafe(0, utf8("plain"));
    ((VarCharVector) root.getVector("text")).setSafe(1, utf8("ünïcødé \"quoted\" 'single' 🐟"));
    ((VarBinaryVector) root.getVector("bytes")).setSafe(0, new byte[] {0, 1, 2, (byte) 255});
    ((VarBinaryVector) root.getVector("bytes")).setSafe(1, new byte[0]);
    ((DateDayVector) root.getVector("day")).setSafe(0, 19_753);
    ((DateDayVector) root.getVector("day")).setSafe(1, -719_162);
    ((TimeStampMicroVector) root.getVector("moment")).setSafe(0, 1_706_695_200_123_456L);
    ((TimeStampMicroVector) root.getVector("moment")).setSafe(1, -1_000_001L);
    ((TimeStampMicroTZVector) root.getVector("zoned")).setSafe(0, 1_706_695_200_654_321L);
    ((TimeStampMicroTZVector) root.getVector("zoned")).setSafe(1, -86_400_000_001L);
    ((TimeMicroVector) root.getVector("clock")).setSafe(0, 36_000_123_456L);
    ((TimeMicroVector) root.getVector("clock")).setSafe(1, 86_399_999_999L);
    if (withDecimal) {
      DecimalVector amount = (DecimalVector) root.getVector("amount");
      amount.setSafe(0, new BigDecimal("1234567890.12"));
      amount.setSafe(1, new BigDecimal("-0.01"));
    }
    for (var vector : root.getFieldVectors()) {
      vector.setNull(2);
    }
    root.setRowCount(ROWS);
    return root;
  }

  /** One {@code id: int64} and {@code name: string} column, rows {@code from} to {@code to}. */
  static VectorSchemaRoot idsAndNames(BufferAllocator allocator, long from, long to) {
    return idsAndNames(allocator, from, to, "name ");
  }

  /** As {@link #idsAndNames(BufferAllocator, long, long)}, with names {@code prefix + id}. */
  static VectorSchemaRoot idsAndNames(
      BufferAllocator allocator, long from, long to, String prefix) {
    Schema schema =
        new Schema(
            List.of(
                Field.nullable("id", new ArrowType.Int(64, true)),
                Field.nullable("name", ArrowType.Utf8.INSTANCE)));
    VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
    root.allocateNew();
    int row = 0;
    for (long id = from; id <= to; id++, row++) {
      ((BigIntVector) root.getVector("id")).setSafe(row, id);
      ((VarCharVector) root.getVector("name")).setSafe(row, utf8(prefix + id));
    }
    root.setRowCount(row);
    return root;
  }

  /** One large-string column {@code note}: a value, an empty string and a null. */
  static VectorSchemaRoot largeStrings(BufferAllocator allocator) {
    Schema schema = new Schema(List.of(Field.nullable("note", ArrowType.LargeUtf8.INSTANCE)));
    VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
    org.apache.arrow.vector.LargeVarCharVector note =
        (org.apache.arrow.vector.LargeVarCharVector) root.getVector(0);
    note.setSafe(0, utf8("long ünïcødé text 🐟"));
    note.setSafe(1, new byte[0]);
    note.setNull(2);
    root.setRowCount(ROWS);
    return root;
  }

  /** Decimals of the widest, an integral and an all-fraction precision, extremes and a null. */
  static VectorSchemaRoot decimalVariants(BufferAllocator allocator) {
    Schema schema =
        new Schema(
            List.of(
                Field.nullable("wide", new ArrowType.Decimal(38, 10, 128)),
                Field.nullable("whole", new ArrowType.Decimal(5, 0, 128)),
                Field.nullable("fraction", new ArrowType.Decimal(18, 18, 128))));
    VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
    DecimalVector wide = (DecimalVector) root.getVector("wide");
    DecimalVector whole = (DecimalVector) root.getVector("whole");
    DecimalVector fraction = (DecimalVector) root.getVector("fraction");
    wide.setSafe(0, new BigDecimal("1234567890123456789012345678.0123456789"));
    wide.setSafe(1, new BigDecimal("-9999999999999999999999999999.9999999999"));
    whole.setSafe(0, new BigDecimal("-99999"));
    whole.setSafe(1, new BigDecimal("0"));
    fraction.setSafe(0, new BigDecimal("0.123456789012345678"));
    fraction.setSafe(1, new BigDecimal("-0.000000000000000001"));
    for (var vector : root.getFieldVectors()) {
      vector.setNull(2);
    }
    root.setRowCount(ROWS);
    return root;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
