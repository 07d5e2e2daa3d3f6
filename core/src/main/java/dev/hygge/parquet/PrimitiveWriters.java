package dev.hygge.parquet;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Leaf writers for fixed-width Arrow vectors stored as Parquet BOOLEAN, INT32, INT64, FLOAT and
 * DOUBLE. Each reads the vector's data buffer at its address (see {@link LeafWriter}): no boxing,
 * no per-value objects.
 */
final class PrimitiveWriters {
  static final long MILLIS_PER_DAY = 86_400_000L;
  static final int MILLIS_PER_SECOND = 1000;

  private PrimitiveWriters() {}

  /** How many values of {@code width} bytes the vector's data buffer holds. */
  static long values(BaseFixedWidthVector vector, int width) {
    return vector.getDataBuffer().capacity() / width;
  }

  /** BitVector to BOOLEAN. */
  static final class BooleanWriter extends LeafWriter<BitVector> {
    private final long data;

    BooleanWriter(BitVector vector, WriterContext context) {
      super(vector, context, vector.getDataBuffer().capacity() * Byte.SIZE);
      this.data = vector.getDataBuffer().memoryAddress();
    }

    @Override
    void writeValue(int index, int repetitionLevel) {
      boolean value = ((MemoryUtil.getByte(data + (index >> 3)) >> (index & 7)) & 1) != 0;
      column.write(value, repetitionLevel, definitionLevel);
    }
  }

  /** One-byte integers to INT32, sign- or zero-extended by {@code mask}. */
  static final class ByteWriter extends LeafWriter<FieldVector> {
    private final long data;
    private final int mask;

    ByteWriter(BaseFixedWidthVector vector, WriterContext context, boolean unsigned) {
      super(vector, context, values(vector, 1));
      this.data = vector.getDataBuffer().memoryAddress();
      this.mask = unsigned ? 0xFF : -1;
    }

    @Override
    void writeValue(int index, int repetitionLevel) {
      column.write(MemoryUtil.getByte(data + index) & mask, repetitionLevel, definitionLevel);
    }
  }

  /** Two-byte integers to INT32, sign- or zero-extended by {@code mask}. */
  static final class ShortWriter extends LeafWriter<FieldVector> {
    private final long data;
    private final int mask;

    ShortWriter(BaseFixedWidthVector vector, WriterContext context, boolean unsigned) {
      super(vector, context, values(vector, Short.BYTES));
      this.data = vector.getDataBuffer().memoryAddress();
      this.mask = unsigned ? 0xFFFF : -1;
    }

    @Override
    void writeValue(int index, int repetitionLevel) {
      column.write(
          MemoryUtil.getShort(data + (long) index * Short.BYTES) & mask,
          repetitionLevel,
          definitionLevel);
    }
  }

  /** Four-byte values (int32, uint32, date-day, time-milli) to INT32 times a factor. */
  static final class IntWriter extends LeafWriter<FieldVector> {
    private final long data;
    private final int factor;

    IntWriter(BaseFixedWidthVector vector, WriterContext context, int factor) {
      super(vector, context, values(vector, Integer.BYTES));
      this.data = vector.getDataBuffer().memoryAddress();
      this.factor = factor;
    }

    @Override
    void writeValue(int index, int repetitionLevel) {
      column.write(
          MemoryUtil.getInt(data + (long) index * Integer.BYTES) * factor,
          repetitionLevel,
          definitionLevel);
    }
  }

  /** Date in milliseconds to INT32 days (the Parquet DATE type). */
  static final class DateMilliWriter extends LeafWriter<FieldVector> {
    private final long data;

    DateMilliWriter(BaseFixedWidthVector vector, WriterContext context) {
      super(vector, context, values(vector, Long.BYTES));
      this.data = vector.getDataBuffer().memoryAddress();
    }

    @Override
    void writeValue(int index, int repetitionLevel) {
      long millis = MemoryUtil.getLong(data + (long) index * Long.BYTES);
      column.write((int) Math.floorDiv(millis, MILLIS_PER_DAY), repetitionLevel, definitionLevel);
    }
  }

  /** Eight-byte values (int64, uint64, times, timestamps, durations) to INT64 times a factor. */
  static final class LongWriter extends LeafWriter<FieldVector> {
    private final long data;
    private final long factor;

    LongWriter(BaseFixedWidthVector vector, WriterContext context, long factor) {
      super(vector, context, values(vector, Long.BYTES));
      this.data = vector.getDataBuffer().memoryAddress();
      this.factor = factor;
    }

    @Override
    void writeValue(int index, int repetitionLevel) {
      column.write(
          MemoryUtil.getLong(data + (long) index * Long.BYTES) * factor,
          repetitionLevel,
          definitionLevel);
    }
  }

  /** Float4Vector to FLOAT. */
  static final class FloatWriter extends LeafWriter<FieldVector> {
    private final long data;

    FloatWriter(BaseFixedWidthVector vector, WriterContext context) {
      super(vector, context, values(vector, Float.BYTES));
      this.data = vector.getDataBuffer().memoryAddress();
    }

    @Override
    void writeValue(int index, int repetitionLevel) {
      column.write(
          Float.intBitsToFloat(MemoryUtil.getInt(data + (long) index * Float.BYTES)),
          repetitionLevel,
          definitionLevel);
    }
  }

  /** Float8Vector to DOUBLE. */
  static final class DoubleWriter extends LeafWriter<FieldVector> {
    private final long data;

    DoubleWriter(BaseFixedWidthVector vector, WriterContext context) {
      super(vector, context, values(vector, Double.BYTES));
      this.data = vector.getDataBuffer().memoryAddress();
    }

    @Override
    void writeValue(int index, int repetitionLevel) {
      column.write(
          Double.longBitsToDouble(MemoryUtil.getLong(data + (long) index * Double.BYTES)),
          repetitionLevel,
          definitionLevel);
    }
  }
}
