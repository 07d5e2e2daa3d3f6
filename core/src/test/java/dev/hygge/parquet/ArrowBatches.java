package dev.hygge.parquet;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.*;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/** Builds Arrow batches covering every type hygge writes to Parquet, with nulls everywhere. */
final class ArrowBatches {
  static final String ZONE = "Europe/Copenhagen";

  private ArrowBatches() {}

  static Field field(String name, ArrowType type, Field... children) {
    return new Field(name, FieldType.nullable(type), List.of(children));
  }

  static Field required(String name, ArrowType type, Field... children) {
    return new Field(name, FieldType.notNullable(type), List.of(children));
  }

  static Schema allTypes() {
    List<Field> fields = new ArrayList<>();
    fields.add(required("id", new ArrowType.Int(64, true)));
    fields.add(field("bool", ArrowType.Bool.INSTANCE));
    fields.add(field("i8", new ArrowType.Int(8, true)));
    fields.add(field("i16", new ArrowType.Int(16, true)));
    fields.add(field("i32", new ArrowType.Int(32, true)));
    fields.add(field("i64", new ArrowType.Int(64, true)));
    fields.add(field("u8", new ArrowType.Int(8, false)));
    fields.add(field("u16", new ArrowType.Int(16, false)));
    fields.add(field("u32", new ArrowType.Int(32, false)));
    fields.add(field("u64", new ArrowType.Int(64, false)));
    fields.add(field("f16", new ArrowType.FloatingPoint(FloatingPointPrecision.HALF)));
    fields.add(field("f32", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)));
    fields.add(field("f64", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)));
    fields.add(field("dec7", new ArrowType.Decimal(7, 2, 128)));
    fields.add(field("dec15", new ArrowType.Decimal(15, 3, 128)));
    fields.add(field("dec30", new ArrowType.Decimal(30, 5, 128)));
    fields.add(field("dec50", new ArrowType.Decimal(50, 10, 256)));
    fields.add(field("date_day", new ArrowType.Date(DateUnit.DAY)));
    fields.add(field("date_milli", new ArrowType.Date(DateUnit.MILLISECOND)));
    fields.add(field("time_s", new ArrowType.Time(TimeUnit.SECOND, 32)));
    fields.add(field("time_ms", new ArrowType.Time(TimeUnit.MILLISECOND, 32)));
    fields.add(field("time_us", new ArrowType.Time(TimeUnit.MICROSECOND, 64)));
    fields.add(field("time_ns", new ArrowType.Time(TimeUnit.NANOSECOND, 64)));
    for (TimeUnit unit : TimeUnit.values()) {
      String suffix = unit.name().toLowerCase();
      fields.add(field("ts_" + suffix, new ArrowType.Timestamp(unit, null)));
      fields.add(field("tstz_" + suffix, new ArrowType.Timestamp(unit, ZONE)));
    }
    fields.add(field("utf8", ArrowType.Utf8.INSTANCE));
    fields.add(field("large_utf8", ArrowType.LargeUtf8.INSTANCE));
    fields.add(field("binary", ArrowType.Binary.INSTANCE));
    fields.add(field("large_binary", ArrowType.LargeBinary.INSTANCE));
    fields.add(field("fixed", new ArrowType.FixedSizeBinary(4)));
    fields.add(field("duration", new ArrowType.Duration(TimeUnit.MICROSECOND)));
    fields.add(field("list", ArrowType.List.INSTANCE, field("item", new ArrowType.Int(32, true))));
    fields.add(
        field("large_list", ArrowType.LargeList.INSTANCE, field("item", ArrowType.Utf8.INSTANCE)));
    fields.add(
        field(
            "fixed_list",
            new ArrowType.FixedSizeList(2),
            field("item", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE))));
    fields.add(
        field(
            "struct",
            ArrowType.Struct.INSTANCE,
            field("a", new ArrowType.Int(32, true)),
            field("b", ArrowType.Utf8.INSTANCE)));
    fields.add(
        field(
            "map",
            new ArrowType.Map(false),
            required(
                "entries",
                ArrowType.Struct.INSTANCE,
                required("key", ArrowType.Utf8.INSTANCE),
                field("value", new ArrowType.Int(64, true)))));
    fields.add(
        field(
            "list_of_struct",
            ArrowType.List.INSTANCE,
            field("item", ArrowType.Struct.INSTANCE, field("x", new ArrowType.Int(32, true)))));
    fields.add(
        field(
            "struct_of_list",
            ArrowType.Struct.INSTANCE,
            field("l", ArrowType.List.INSTANCE, field("item", new ArrowType.Int(16, true)))));
    return new Schema(fields);
  }

  private static boolean isNull(int row, int column) {
    return (row + column) % 5 == 2;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Rows {@code [first, first + count)} of the all-types table. */
  static VectorSchemaRoot allTypes(BufferAllocator allocator, int first, int count) {
    VectorSchemaRoot root = VectorSchemaRoot.create(allTypes(), allocator);
    root.allocateNew();
    List<FieldVector> vectors = root.getFieldVectors();
    for (int c = 0; c < vectors.size(); c++) {
      FieldVector vector = vectors.get(c);
      for (int i = 0; i < count; i++) {
        int row = first + i;
        if (c > 0 && isNull(row, c)) {
          if (vector instanceof BaseFixedWidthVector v) {
            v.setNull(i);
          } else if (vector instanceof BaseVariableWidthVector v) {
            v.setNull(i);
          } else if (vector instanceof BaseLargeVariableWidthVector v) {
            v.setNull(i);
          } else if (vector instanceof ListVector v) {
            v.setNull(i);
          } else if (vector instanceof LargeListVector v) {
            v.setNull(i);
          } else if (vector instanceof FixedSizeListVector v) {
            v.setNull(i);
          } else if (vector instanceof StructVector v) {
            v.setNull(i);
          }
          continue;
        }
        set(vector, i, row);
      }
    }
    root.setRowCount(count);
    return root;
  }

  private static void set(FieldVector vector, int i, int row) {
    long sign = row % 2 == 0 ? 1 : -1;
    if (vector instanceof BigIntVector v) {
      v.setSafe(i, v.getField().isNullable() ? sign * row * 1_000_003L : row);
    } else if (vector instanceof BitVector v) {
      v.setSafe(i, row % 3 == 0 ? 1 : 0);
    } else if (vector instanceof TinyIntVector v) {
      v.setSafe(i, (byte) (sign * (row % 128)));
    } else if (vector instanceof SmallIntVector v) {
      v.setSafe(i, (short) (sign * row * 7));
    } else if (vector instanceof IntVector v) {
      v.setSafe(i, (int) (sign * row * 1001));
    } else if (vector instanceof UInt1Vector v) {
      v.setSafe(i, 200 + row % 50);
    } else if (vector instanceof UInt2Vector v) {
      v.setSafe(i, (char) (60000 + row));
    } else if (vector instanceof UInt4Vector v) {
      v.setSafe(i, -1 - row);
    } else if (vector instanceof UInt8Vector v) {
      v.setSafe(i, Long.MIN_VALUE + row);
    } else if (vector instanceof Float2Vector v) {
      v.setSafeWithPossibleTruncate(i, row * 0.5f * sign);
    } else if (vector instanceof Float4Vector v) {
      v.setSafe(i, row * 1.25f * sign);
    } else if (vector instanceof Float8Vector v) {
      v.setSafe(i, row * 3.14159 * sign);
    } else if (vector instanceof DecimalVector v) {
      BigDecimal value = BigDecimal.valueOf(sign * ((row * 12345L + 1) % 1_000_000L), v.getScale());
      v.setSafe(i, value);
    } else if (vector instanceof Decimal256Vector v) {
      BigDecimal value =
          BigDecimal.valueOf(sign * (row * 98765L + 3), v.getScale())
              .add(BigDecimal.TEN.pow(38).multiply(BigDecimal.valueOf(sign)));
      v.setSafe(i, value);
    } else if (vector instanceof DateDayVector v) {
      v.setSafe(i, (int) (sign * row * 17));
    } else if (vector instanceof DateMilliVector v) {
      v.setSafe(i, sign * row * 17 * 86_400_000L);
    } else if (vector instanceof TimeSecVector v) {
      v.setSafe(i, row % 86400);
    } else if (vector instanceof TimeMilliVector v) {
      v.setSafe(i, row * 1001 % 86_400_000);
    } else if (vector instanceof TimeMicroVector v) {
      v.setSafe(i, row * 1_000_001L);
    } else if (vector instanceof TimeNanoVector v) {
      v.setSafe(i, row * 1_000_000_001L);
    } else if (vector instanceof TimeStampVector v) {
      v.setSafe(i, 1_700_000_000L + sign * row * 1_234_567L);
    } else if (vector instanceof VarCharVector v) {
      v.setSafe(i, bytes(row % 4 == 0 ? "" : "value-" + row + "-æøå"));
    } else if (vector instanceof LargeVarCharVector v) {
      v.setSafe(i, bytes("large-" + row));
    } else if (vector instanceof VarBinaryVector v) {
      v.setSafe(i, new byte[] {(byte) row, 0, (byte) -row});
    } else if (vector instanceof LargeVarBinaryVector v) {
      v.setSafe(i, new byte[] {(byte) (row >> 8), (byte) row});
    } else if (vector instanceof FixedSizeBinaryVector v) {
      v.setSafe(i, new byte[] {1, (byte) row, 3, (byte) -row});
    } else if (vector instanceof DurationVector v) {
      v.setSafe(i, sign * row * 99L);
    } else if (vector instanceof MapVector v) {
      setMap(v, i, row);
    } else if (vector instanceof ListVector v) {
      setList(v, i, row);
    } else if (vector instanceof LargeListVector v) {
      int size = row % 4;
      long start = v.startNewValue(i);
      VarCharVector child = (VarCharVector) v.getDataVector();
      for (int k = 0; k < size; k++) {
        if (k == 1) {
          child.setNull((int) start + k);
        } else {
          child.setSafe((int) start + k, bytes("e" + row + "." + k));
        }
      }
      v.endValue(i, size);
    } else if (vector instanceof FixedSizeListVector v) {
      int start = v.startNewValue(i);
      Float8Vector child = (Float8Vector) v.getDataVector();
      child.setSafe(start, row);
      if (row % 3 == 0) {
        child.setNull(start + 1);
      } else {
        child.setSafe(start + 1, -row);
      }
    } else if (vector instanceof StructVector v) {
      setStruct(v, i, row);
    } else {
      throw new IllegalArgumentException("no test values for " + vector.getField());
    }
  }

  private static void setList(ListVector v, int i, int row) {
    int size = row % 4;
    int start = v.startNewValue(i);
    FieldVector child = v.getDataVector();
    for (int k = 0; k < size; k++) {
      int at = start + k;
      if (child instanceof IntVector ints) {
        if (k == 1) {
          ints.setNull(at);
        } else {
          ints.setSafe(at, row * 10 + k);
        }
      } else if (child instanceof SmallIntVector shorts) {
        shorts.setSafe(at, (short) (row + k));
      } else {
        StructVector struct = (StructVector) child;
        IntVector x = (IntVector) struct.getChild("x");
        if (k == 2) {
          struct.setNull(at);
          x.setNull(at);
        } else {
          struct.setIndexDefined(at);
          if (k == 1) {
            x.setNull(at);
          } else {
            x.setSafe(at, row + k);
          }
        }
      }
    }
    v.endValue(i, size);
  }

  private static void setMap(MapVector v, int i, int row) {
    int size = row % 3;
    int start = v.startNewValue(i);
    StructVector entries = (StructVector) v.getDataVector();
    VarCharVector keys = (VarCharVector) entries.getChild("key");
    BigIntVector values = (BigIntVector) entries.getChild("value");
    for (int k = 0; k < size; k++) {
      entries.setIndexDefined(start + k);
      keys.setSafe(start + k, bytes("k" + k));
      if (k == 1) {
        values.setNull(start + k);
      } else {
        values.setSafe(start + k, row * 100L + k);
      }
    }
    v.endValue(i, size);
  }

  private static void setStruct(StructVector v, int i, int row) {
    v.setIndexDefined(i);
    for (FieldVector child : v.getChildrenFromFields()) {
      if (row % 3 == 0) {
        if (child instanceof BaseFixedWidthVector f) {
          f.setNull(i);
        } else if (child instanceof VarCharVector s) {
          s.setNull(i);
        } else if (child instanceof ListVector l) {
          l.setNull(i);
        }
      } else {
        set(child, i, row);
      }
    }
  }
}
