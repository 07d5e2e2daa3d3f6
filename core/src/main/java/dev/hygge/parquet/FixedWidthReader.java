package dev.hygge.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.parquet.column.ColumnReader;

/**
 * A leaf reader into a fixed-width vector: writes the data buffer and validity bit directly.
 *
 * <p>The buffers' addresses and value capacity are remembered and looked up again only when the
 * vector got new buffers (a new batch, or growth): each value costs one capacity comparison instead
 * of ArrowBuf's bounds and reference count checks and a capacity division.
 */
abstract class FixedWidthReader extends LeafReader<BaseFixedWidthVector> {
  private ArrowBuf buffer;
  private long data;
  private long validity;
  private long capacity;

  FixedWidthReader(BaseFixedWidthVector vector, ColumnReader column) {
    super(vector, column);
  }

  /**
   * The address of the data buffer, grown so that {@code index} fits, with {@code index} marked
   * valid.
   */
  final long slot(int index) {
    if (index >= capacity || vector.getDataBuffer() != buffer) {
      grow(index);
    }
    long bits = validity + (index >> 3);
    MemoryUtil.putByte(bits, (byte) (MemoryUtil.getByte(bits) | (1 << (index & 7))));
    return data;
  }

  private void grow(int index) {
    while (index >= vector.getValueCapacity()) {
      vector.reAlloc();
    }
    buffer = vector.getDataBuffer();
    data = buffer.memoryAddress();
    validity = vector.getValidityBuffer().memoryAddress();
    capacity = vector.getValueCapacity();
  }

  @Override
  final void setNull(int index) {
    vector.setNull(index);
  }
}
