package dev.hygge.parquet;

import org.apache.parquet.column.ColumnReader;

/**
 * Reads one Arrow field out of its Parquet leaf columns, consuming one level triplet per leaf for
 * each value and deciding nulls, empty lists and list ends from definition and repetition levels.
 * Built per row group; the tree mirrors the Arrow field.
 */
abstract class FieldReader {

  /** Reads the next value (or null) into {@code index} of this field's vector. */
  abstract void read(int index);

  /** An ancestor struct is null: consumes this field's triplets and marks {@code index} null. */
  abstract void readNull(int index);

  /** An ancestor list is null or empty: consumes this field's triplets, writes nothing. */
  abstract void skip();

  /** The first leaf column, whose levels describe this field's structure. */
  abstract ColumnReader firstLeaf();
}
