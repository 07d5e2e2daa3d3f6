package dev.hygge.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.parquet.column.ColumnReader;

/** A leaf reader into a fixed-width vector: writes the data buffer and validity bit directly. */
abstract class FixedWidthReader extends LeafReader<BaseFixedWidthVector> {

  FixedWidthReader(BaseFixedWidthVector vector, ColumnReader column) {
    super(vector, column);
  }

  /** The data buffer, grown so that {@code index} fits, with {@code index} marked valid. */
  final ArrowBuf slot(int index) {
    while (index >= vector.getValueCapacity()) {
      vector.reAlloc();
    }
    BitVectorHelper.setBit(vector.getValidityBuffer(), index);
    return vector.getDataBuffer();
  }

  @Override
  final void setNull(int index) {
    vector.setNull(index);
  }
}
