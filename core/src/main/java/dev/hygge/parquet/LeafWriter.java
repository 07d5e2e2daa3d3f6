package dev.hygge.parquet;

import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnWriter;

/** Writes one Arrow primitive vector into one Parquet column; subclasses convert the values. */
abstract class LeafWriter<V extends FieldVector> extends FieldWriter {
  final V vector;
  final ColumnWriter column;
  final int definitionLevel;
  private final boolean nullable;

  LeafWriter(V vector, WriterContext context) {
    this.vector = vector;
    this.column = context.column();
    this.definitionLevel = context.definitionLevel();
    this.nullable = context.nullable();
  }

  @Override
  final void write(int index, int repetitionLevel, int parentDefinitionLevel) {
    if (vector.isNull(index)) {
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

  /** Writes the non-null value at {@code index} at this column's maximum definition level. */
  abstract void writeValue(int index, int repetitionLevel);
}
