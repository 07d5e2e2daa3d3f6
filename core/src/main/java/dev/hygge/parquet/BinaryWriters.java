package dev.hygge.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.io.api.Binary;

/**
 * Leaf writers for Parquet BINARY and FIXED_LEN_BYTE_ARRAY columns: strings, binaries, fixed-size
 * binaries, half floats and decimals. Each value is copied once into a reused heap array and handed
 * to Parquet as a reused Binary: Parquet copies only what it keeps (new dictionary entries,
 * statistics bounds), and hashes and encodes heap arrays faster than direct buffers.
 */
final class BinaryWriters {
  private BinaryWriters() {}

  /** Utf8 and Binary (32-bit offsets) to BINARY. */
  static final class VariableWidthWriter extends LeafWriter<FieldVector> {
    private final long offsets;
    private final ArrowBuf data;
    private final ReusedBytes bytes;

    VariableWidthWriter(BaseVariableWidthVector vector, WriterContext context, ReusedBytes bytes) {
      super(
          vector,
          context,
          vector.getOffsetBuffer().capacity() / BaseVariableWidthVector.OFFSET_WIDTH - 1);
      this.offsets = vector.getOffsetBuffer().memoryAddress();
      this.data = vector.getDataBuffer();
      this.bytes = bytes;
    }

    @Override
    void writeValue(int index, int repetitionLevel) {
      long offset = offsets + (long) index * BaseVariableWidthVector.OFFSET_WIDTH;
      int start = MemoryUtil.getInt(offset);
      int end = MemoryUtil.getInt(offset + BaseVariableWidthVector.OFFSET_WIDTH);
      column.write(bytes.copy(data, start, end - start), repetitionLevel, definitionLevel);
    }
  }

  /** LargeUtf8 and LargeBinary (64-bit offsets) to BINARY. */
  static final class LargeVariableWidthWriter extends LeafWriter<FieldVector> {
    private final ArrowBuf offsets;
    private final ArrowBuf data;
    private final ReusedBytes bytes;

    LargeVariableWidthWriter(
        BaseLargeVariableWidthVector vector, WriterContext context, ReusedBytes bytes) {
      super(
          vector,
          context,
          vector.getOffsetBuffer().capacity() / BaseLargeVariableWidthVector.OFFSET_WIDTH - 1);
      this.offsets = vector.getOffsetBuffer();
      this.data = vector.getDataBuffer();
      this.bytes = bytes;
    }

    @Override
    void writeValue(int index, int repetitionLevel) {
      long start = offsets.getLong((long) index * BaseLargeVariableWidthVector.OFFSET_WIDTH);
      long end = offsets.getLong((long) (index + 1) * BaseLargeVariableWidthVector.OFFSET_WIDTH);
      column.write(
          bytes.copy(data, start, Math.toIntExact(end - start)), repetitionLevel, definitionLevel);
    }
  }

  /** Fixed-width values copied byte for byte (fixed-size binary, little-endian half floats). */
  static final class FixedWidthWriter extends LeafWriter<FieldVector> {
    private final ArrowBuf data;
    private final int width;
    private final ReusedBytes bytes;

    FixedWidthWriter(
        BaseFixedWidthVector vector, WriterContext context, int width, ReusedBytes bytes) {
      super(vector, context, PrimitiveWriters.values(vector, width));
      this.data = vector.getDataBuffer();
      this.width = width;
      this.bytes = bytes;
    }

    @Override
    void writeValue(int index, int repetitionLevel) {
      column.write(bytes.copy(data, (long) index * width, width), repetitionLevel, definitionLevel);
    }
  }

  /** Decimal128 of precision up to 9 to INT32 (the low four bytes of the unscaled value). */
  static final class DecimalIntWriter extends LeafWriter<FieldVector> {
    private final long data;
    private final int width;

    DecimalIntWriter(BaseFixedWidthVector vector, WriterContext context, int width) {
      super(vector, context, PrimitiveWriters.values(vector, width));
      this.data = vector.getDataBuffer().memoryAddress();
      this.width = width;
    }

    @Override
    void writeValue(int index, int repetitionLevel) {
      column.write(
          MemoryUtil.getInt(data + (long) index * width), repetitionLevel, definitionLevel);
    }
  }

  /** Decimal128 of precision up to 18 to INT64 (the low eight bytes of the unscaled value). */
  static final class DecimalLongWriter extends LeafWriter<FieldVector> {
    private final long data;
    private final int width;

    DecimalLongWriter(BaseFixedWidthVector vector, WriterContext context, int width) {
      super(vector, context, PrimitiveWriters.values(vector, width));
      this.data = vector.getDataBuffer().memoryAddress();
      this.width = width;
    }

    @Override
    void writeValue(int index, int repetitionLevel) {
      column.write(
          MemoryUtil.getLong(data + (long) index * width), repetitionLevel, definitionLevel);
    }
  }

  /** Decimal128 and Decimal256 to big-endian FIXED_LEN_BYTE_ARRAY of the precision's length. */
  static final class DecimalBytesWriter extends LeafWriter<FieldVector> {
    private final long data;
    private final int width;
    private final byte[] bigEndian;

    DecimalBytesWriter(BaseFixedWidthVector vector, WriterContext context, int width, int length) {
      super(vector, context, PrimitiveWriters.values(vector, width));
      this.data = vector.getDataBuffer().memoryAddress();
      this.width = width;
      this.bigEndian = new byte[length];
    }

    @Override
    void writeValue(int index, int repetitionLevel) {
      long start = data + (long) index * width;
      int length = bigEndian.length;
      for (int i = 0; i < length; i++) {
        bigEndian[length - 1 - i] = MemoryUtil.getByte(start + i);
      }
      column.write(Binary.fromReusedByteArray(bigEndian), repetitionLevel, definitionLevel);
    }
  }
}
