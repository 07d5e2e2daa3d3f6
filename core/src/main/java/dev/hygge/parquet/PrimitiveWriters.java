package dev.hygge.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Leaf writers for fixed-width Arrow vectors stored as Parquet BOOLEAN, INT32, INT64, FLOAT and
 * DOUBLE. Each reads the vector's data buffer directly: no boxing, no per-value objects.
 */
final class PrimitiveWriters {
  static final long MILLIS_PER_DAY = 86_400_000L;
  static final int MILLIS_PER_SECOND = 1000;

  private PrimitiveWriters() {}

  /** BitVector to BOOLEAN. */
  static final class BooleanWriter extends LeafWriter<BitVector> {
    BooleanWriter(BitVector vector, WriterContext context) {
      super(vector, context);
    }

    @Override
    void writeValue(int index, int repetitionLevel) {
      column.write(vector.get(index) != 0, repetitionLevel, definitionLevel);
    }
  }

  /** One-byte integers to INT32, sign- or zero-extended by {@code mask}. */
  static final class ByteWriter extends LeafWriter<FieldVector> {
    private final ArrowBuf data;
    private final int mask;

    ByteWriter(BaseFixedWidthVector vector, WriterContext context, boolean unsigned) {
      super(vector, context);
      this.data = vector.getDataBuffer();
      this.mask = unsigned ? 0xFF : -1;
    }

    @Override
    void writeValue(int index, int repetitionLevel) {
      column.write(data.getByte(index) & mask, repetitionLevel, definitionLevel);
    }
  }

  /** Two-byte integers to INT32, sign- or zero-extended by {@code mask}. */
  static final class ShortWriter extends LeafWriter<FieldVector> {
    private final ArrowBuf data;
    private final int mask;

    ShortWriter(BaseFixedWidthVector vector, WriterContext context, boolean unsigned) {
      super(vector, context);
      this.data = vector.getDataBuffer();
      this.mask = unsigned ? 0xFFFF : -1;
    }

    @Override
    void writeValue(int index, int repetitionLevel) {
      column.write(
          data.getShort((long) index * Short.BYTES) & mask, repetitionLevel, definitionLevel);
    }
  }

  /** Four-byte values (int32, uint32, date-day, time-milli) to INT32 times a factor. */
  static final class IntWriter extends LeafWriter<FieldVector> {
    private final ArrowBuf data;
    private final int factor;

    IntWriter(BaseFixedWidthVector vector, WriterContext context, int factor) {
      super(vector, context);
      this.data = vector.getDataBuffer();
      this.factor = factor;
    }

    @Override
    void writeValue(int index, int repetitionLevel) {
      column.write(
          data.getInt((long) index * Integer.BYTES) * factor, repetitionLevel, definitionLevel);
    }
  }

  /** Date in milliseconds to INT32 days (the Parquet DATE type). */
  static final class DateMilliWriter extends LeafWriter<FieldVector> {
    private final ArrowBuf data;

    DateMilliWriter(BaseFixedWidthVector vector, WriterContext context) {
      super(vector, context);
      this.data = vector.getDataBuffer();
    }

    @Override
    void writeValue(int index, int repetitionLevel) {
      long millis = data.getLong((long) index * Long.BYTES);
      column.write((int) Math.floorDiv(millis, MILLIS_PER_DAY), repetitionLevel, definitionLevel);
    }
  }

  /** Eight-byte values (int64, uint64, times, timestamps, durations) to INT64 times a factor. */
  static final class LongWriter extends LeafWriter<FieldVector> {
    private final ArrowBuf data;
    private final long factor;

    LongWriter(BaseFixedWidthVector vector, WriterContext context, long factor) {
      super(vector, context);
      this.data = vector.getDataBuffer();
      this.factor = factor;
    }

    @Override
    void writeValue(int index, int repetitionLevel) {
      column.write(
          data.getLong((long) index * Long.BYTES) * factor, repetitionLevel, definitionLevel);
    }
  }

  /** Float4Vector to FLOAT. */
  static final class FloatWriter extends LeafWriter<FieldVector> {
    private final ArrowBuf data;

    FloatWriter(BaseFixedWidthVector vector, WriterContext context) {
      super(vector, context);
      this.data = vector.getDataBuffer();
    }

    @Override
    void writeValue(int index, int repetitionLevel) {
      column.write(data.getFloat((long) index * Float.BYTES), repetitionLevel, definitionLevel);
    }
  }

  /** Float8Vector to DOUBLE. */
  static final class DoubleWriter extends LeafWriter<FieldVector> {
    private final ArrowBuf data;

    DoubleWriter(BaseFixedWidthVector vector, WriterContext context) {
      super(vector, context);
      this.data = vector.getDataBuffer();
    }

    @Override
    void writeValue(int index, int repetitionLevel) {
      column.write(data.getDouble((long) index * Double.BYTES), repetitionLevel, definitionLevel);
    }
  }
}
