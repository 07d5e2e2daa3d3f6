package dev.hygge.parquet;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.parquet.column.ColumnReader;

/** Leaf readers for Parquet BOOLEAN, INT32, INT64, FLOAT and DOUBLE columns. */
final class PrimitiveReaders {
  private PrimitiveReaders() {}

  /** BOOLEAN into BitVector. */
  static final class BooleanReader extends FixedWidthReader {
    BooleanReader(BitVector vector, ColumnReader column) {
      super(vector, column);
    }

    @Override
    void readValue(int index) {
      long bits = slot(index) + (index >> 3);
      int mask = 1 << (index & 7);
      int current = MemoryUtil.getByte(bits);
      MemoryUtil.putByte(bits, (byte) (column.getBoolean() ? current | mask : current & ~mask));
    }
  }

  /** INT32 into one-byte integers. */
  static final class ByteReader extends FixedWidthReader {
    ByteReader(BaseFixedWidthVector vector, ColumnReader column) {
      super(vector, column);
    }

    @Override
    void readValue(int index) {
      MemoryUtil.putByte(slot(index) + index, (byte) column.getInteger());
    }
  }

  /** INT32 into two-byte integers. */
  static final class ShortReader extends FixedWidthReader {
    ShortReader(BaseFixedWidthVector vector, ColumnReader column) {
      super(vector, column);
    }

    @Override
    void readValue(int index) {
      MemoryUtil.putShort(slot(index) + (long) index * Short.BYTES, (short) column.getInteger());
    }
  }

  /** INT32 into four-byte values, divided by a divisor (1, or 1000 for time in seconds). */
  static final class IntReader extends FixedWidthReader {
    private final int divisor;

    IntReader(BaseFixedWidthVector vector, ColumnReader column, int divisor) {
      super(vector, column);
      this.divisor = divisor;
    }

    @Override
    void readValue(int index) {
      MemoryUtil.putInt(slot(index) + (long) index * Integer.BYTES, column.getInteger() / divisor);
    }
  }

  /** INT32 into eight-byte values times a factor (days into date in milliseconds). */
  static final class IntToLongReader extends FixedWidthReader {
    private final long factor;

    IntToLongReader(BaseFixedWidthVector vector, ColumnReader column, long factor) {
      super(vector, column);
      this.factor = factor;
    }

    @Override
    void readValue(int index) {
      MemoryUtil.putLong(slot(index) + (long) index * Long.BYTES, column.getInteger() * factor);
    }
  }

  /** INT64 into eight-byte values, divided by a divisor (1, or 1000 for seconds). */
  static final class LongReader extends FixedWidthReader {
    private final long divisor;

    LongReader(BaseFixedWidthVector vector, ColumnReader column, long divisor) {
      super(vector, column);
      this.divisor = divisor;
    }

    @Override
    void readValue(int index) {
      MemoryUtil.putLong(slot(index) + (long) index * Long.BYTES, column.getLong() / divisor);
    }
  }

  /** FLOAT into Float4Vector. */
  static final class FloatReader extends FixedWidthReader {
    FloatReader(BaseFixedWidthVector vector, ColumnReader column) {
      super(vector, column);
    }

    @Override
    void readValue(int index) {
      MemoryUtil.putInt(
          slot(index) + (long) index * Float.BYTES, Float.floatToRawIntBits(column.getFloat()));
    }
  }

  /** DOUBLE into Float8Vector. */
  static final class DoubleReader extends FixedWidthReader {
    DoubleReader(BaseFixedWidthVector vector, ColumnReader column) {
      super(vector, column);
    }

    @Override
    void readValue(int index) {
      MemoryUtil.putLong(
          slot(index) + (long) index * Double.BYTES,
          Double.doubleToRawLongBits(column.getDouble()));
    }
  }
}
