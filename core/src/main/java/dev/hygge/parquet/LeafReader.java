package dev.hygge.parquet;

import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnReader;

/** Reads one Parquet column into one Arrow primitive vector; subclasses convert the values. */
abstract class LeafReader<V extends FieldVector> extends FieldReader {
  final V vector;
  final ColumnReader column;
  private final int definitionLevel;

  LeafReader(V vector, ColumnReader column) {
    this.vector = vector;
    this.column = column;
    this.definitionLevel = column.getDescriptor().getMaxDefinitionLevel();
  }

  @Override
  final void read(int index) {
    if (column.getCurrentDefinitionLevel() == definitionLevel) {
      readValue(index);
    } else {
      setNull(index);
    }
    column.consume();
  }

  @Override
  final void readNull(int index) {
    setNull(index);
    column.consume();
  }

  @Override
  final void skip() {
    column.consume();
  }

  @Override
  final ColumnReader firstLeaf() {
    return column;
  }

  /** Reads the column's current value into {@code index}. */
  abstract void readValue(int index);

  abstract void setNull(int index);
}
