package dev.hygge.parquet;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnWriter;

/**
 * Writes one Arrow primitive vector into one Parquet column; subclasses convert the values.
 *
 * <p>Values are read at raw buffer addresses: the index is checked once per value against {@link
 * #limit}, the number of values every buffer of the vector holds (taken when the writer is built
 * for a chunk, the buffers do not change while it writes), instead of each ArrowBuf access checking
 * its bounds and reference count again.
 */
abstract class LeafWriter<V extends FieldVector> extends FieldWriter {
  final V vector;
  final ColumnWriter column;
  final int definitionLevel;
  private final boolean nullable;
  private final long validity;
  private final long limit;

  /**
   * @param valuesInData how many values the vector's data (or offset) buffer holds
   */
  LeafWriter(V vector, WriterContext context, long valuesInData) {
    this.vector = vector;
    this.column = context.column();
    this.definitionLevel = context.definitionLevel();
    this.nullable = context.nullable();
    this.validity = vector.getValidityBuffer().memoryAddress();
    this.limit = Math.min(vector.getValidityBuffer().capacity() * Byte.SIZE, valuesInData);
  }

  @Override
  final void write(int index, int repetitionLevel, int parentDefinitionLevel) {
    if (index < 0 || index >= limit) {
      throw new IndexOutOfBoundsException(
          "index " + index + " outside the " + limit + " values of " + vector.getField());
    }
    if (((MemoryUtil.getByte(validity + (index >> 3)) >> (index & 7)) & 1) == 0) {
      if (!nullable) {
        throw NestedWriters.nullInRequired(vector, index);
      }
      column.writeNull(repetitionLevel, parentDefinitionLevel);
    } else {
      writeValue(index, repetitionLevel);
    }
  }

  @Override
  final void writeNull(int repetitionLevel, int definitionLevel) {
    column.writeNull(repetitionLevel, definitionLevel);
  }

  /**
   * Writes the non-null value at {@code index} (checked against the buffers' capacity) at this
   * column's maximum definition level.
   */
  abstract void writeValue(int index, int repetitionLevel);
}
