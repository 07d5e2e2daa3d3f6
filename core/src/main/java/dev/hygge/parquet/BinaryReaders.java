package dev.hygge.parquet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.io.api.Binary;

/**
 * Leaf readers for BINARY, FIXED_LEN_BYTE_ARRAY and INT96 columns. Values are copied from Parquet's
 * page (or dictionary) buffer straight into the Arrow buffers, without intermediate arrays.
 */
final class BinaryReaders {
  private static final long NANOS_PER_DAY = 86_400_000_000_000L;
  private static final int JULIAN_DAY_OF_EPOCH = 2_440_588;
  private static final int INT96_DAY_OFFSET = Long.BYTES;

  private BinaryReaders() {}

  /**
   * BINARY into Utf8 or Binary vectors: each value is copied into the data buffer after the last
   * value; offsets of nulls in between are filled here, as Arrow's setSafe would. The buffers'
   * addresses and capacities are looked up again only when the vector got new buffers.
   */
  static final class VariableWidthReader extends LeafReader<BaseVariableWidthVector> {
    private static final int OFFSET_WIDTH = BaseVariableWidthVector.OFFSET_WIDTH;
    private ArrowBuf offsetBuffer;
    private long offsets;
    private long validity;
    private long capacity;
    private ArrowBuf dataBuffer;
    private long data;
    private long dataCapacity;

    VariableWidthReader(BaseVariableWidthVector vector, ColumnReader column) {
      super(vector, column);
    }

    @Override
    void readValue(int index) {
      ByteBuffer value = column.getBinary().toByteBuffer();
      int length = value.remaining();
      if (index >= capacity || vector.getOffsetBuffer() != offsetBuffer) {
        while (index >= vector.getValueCapacity()) {
          vector.reallocValidityAndOffsetBuffers();
        }
        offsetBuffer = vector.getOffsetBuffer();
        offsets = offsetBuffer.memoryAddress();
        validity = vector.getValidityBuffer().memoryAddress();
        capacity = vector.getValueCapacity();
      }
      int last = vector.getLastSet();
      int end = MemoryUtil.getInt(offsets + (long) (last + 1) * OFFSET_WIDTH);
      for (int hole = last + 1; hole < index; hole++) {
        MemoryUtil.putInt(offsets + (long) (hole + 1) * OFFSET_WIDTH, end);
      }
      if ((long) end + length > dataCapacity || vector.getDataBuffer() != dataBuffer) {
        while ((long) end + length > vector.getDataBuffer().capacity()) {
          vector.reallocDataBuffer();
        }
        dataBuffer = vector.getDataBuffer();
        data = dataBuffer.memoryAddress();
        dataCapacity = dataBuffer.capacity();
      }
      if (value.hasArray()) {
        MemoryUtil.copyToMemory(
            value.array(), value.arrayOffset() + value.position(), data + end, length);
      } else {
        MemoryUtil.copyMemory(
            MemoryUtil.getByteBufferAddress(value) + value.position(), data + end, length);
      }
      MemoryUtil.putInt(offsets + (long) (index + 1) * OFFSET_WIDTH, end + length);
      long bits = validity + (index >> 3);
      MemoryUtil.putByte(bits, (byte) (MemoryUtil.getByte(bits) | (1 << (index & 7))));
      vector.setLastSet(index);
    }

    @Override
    void setNull(int index) {
      vector.setNull(index);
    }
  }

  /** BINARY into LargeUtf8 or LargeBinary vectors. */
  static final class LargeVariableWidthReader extends LeafReader<BaseLargeVariableWidthVector> {
    LargeVariableWidthReader(BaseLargeVariableWidthVector vector, ColumnReader column) {
      super(vector, column);
    }

    @Override
    void readValue(int index) {
      ByteBuffer value = column.getBinary().toByteBuffer();
      vector.setSafe(index, value, value.position(), value.remaining());
    }

    @Override
    void setNull(int index) {
      vector.setNull(index);
    }
  }

  /** FIXED_LEN_BYTE_ARRAY copied byte for byte (fixed-size binary, half floats). */
  static final class FixedBytesReader extends FixedWidthReader {
    private final int width;

    FixedBytesReader(BaseFixedWidthVector vector, ColumnReader column, int width) {
      super(vector, column);
      this.width = width;
    }

    @Override
    void readValue(int index) {
      ByteBuffer value = column.getBinary().toByteBuffer();
      slot(index);
      vector.getDataBuffer().setBytes((long) index * width, value, value.position(), width);
    }
  }

  /** INT32 or INT64 unscaled decimals, sign-extended into Decimal128 or Decimal256. */
  static final class DecimalFromLongReader extends FixedWidthReader {
    private final int width;
    private final boolean int32;

    DecimalFromLongReader(
        BaseFixedWidthVector vector, ColumnReader column, int width, boolean int32) {
      super(vector, column);
      this.width = width;
      this.int32 = int32;
    }

    @Override
    void readValue(int index) {
      long unscaled = int32 ? column.getInteger() : column.getLong();
      long start = slot(index) + (long) index * width;
      MemoryUtil.putLong(start, unscaled);
      long sign = unscaled < 0 ? -1L : 0L;
      for (int offset = Long.BYTES; offset < width; offset += Long.BYTES) {
        MemoryUtil.putLong(start + offset, sign);
      }
    }
  }

  /** Big-endian two's-complement decimals (FIXED_LEN_BYTE_ARRAY or BINARY), sign-extended. */
  static final class DecimalFromBytesReader extends FixedWidthReader {
    private final int width;

    DecimalFromBytesReader(BaseFixedWidthVector vector, ColumnReader column, int width) {
      super(vector, column);
      this.width = width;
    }

    @Override
    void readValue(int index) {
      Binary binary = column.getBinary();
      ByteBuffer value = binary.toByteBuffer();
      int first = value.position();
      int length = value.remaining();
      long start = slot(index) + (long) index * width;
      if (length <= Long.BYTES) {
        // Small decimals (pyarrow writes decimal(12,2) in six bytes): assemble one long.
        long unscaled = 0;
        for (int i = 0; i < length; i++) {
          unscaled = (unscaled << Byte.SIZE) | (value.get(first + i) & 0xFF);
        }
        int unused = Long.SIZE - length * Byte.SIZE;
        unscaled = length == 0 ? 0 : (unscaled << unused) >> unused;
        MemoryUtil.putLong(start, unscaled);
        long sign = unscaled < 0 ? -1L : 0L;
        for (int offset = Long.BYTES; offset < width; offset += Long.BYTES) {
          MemoryUtil.putLong(start + offset, sign);
        }
        return;
      }
      if (length > width) {
        throw new IllegalArgumentException(
            "decimal of " + length + " bytes does not fit " + vector.getField());
      }
      for (int i = 0; i < length; i++) {
        MemoryUtil.putByte(start + i, value.get(first + length - 1 - i));
      }
      byte sign = value.get(first) < 0 ? (byte) -1 : 0;
      for (int i = length; i < width; i++) {
        MemoryUtil.putByte(start + i, sign);
      }
    }
  }

  /** INT96 (Julian day and nanoseconds of day, as Impala and Spark write) into timestamp ns. */
  static final class Int96TimestampReader extends FixedWidthReader {
    Int96TimestampReader(BaseFixedWidthVector vector, ColumnReader column) {
      super(vector, column);
    }

    @Override
    void readValue(int index) {
      ByteBuffer value = column.getBinary().toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      long nanosOfDay = value.getLong(value.position());
      int julianDay = value.getInt(value.position() + INT96_DAY_OFFSET);
      long nanos = (julianDay - JULIAN_DAY_OF_EPOCH) * NANOS_PER_DAY + nanosOfDay;
      MemoryUtil.putLong(slot(index) + (long) index * Long.BYTES, nanos);
    }
  }
}
