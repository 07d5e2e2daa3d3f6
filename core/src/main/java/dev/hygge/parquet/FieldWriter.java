package dev.hygge.parquet;

/**
 * Writes one Arrow field of a batch into its Parquet leaf columns, computing repetition and
 * definition levels on the way down. Built per chunk of rows against the current vectors and column
 * writers; the tree mirrors the Arrow field.
 */
abstract class FieldWriter {

  /**
   * Writes the value at {@code index} of this field's vector.
   *
   * @param repetitionLevel the repetition level of the first value written
   * @param parentDefinitionLevel the definition level reached by the ancestors, all present
   */
  abstract void write(int index, int repetitionLevel, int parentDefinitionLevel);

  /** Writes a null (or an absent value) at {@code definitionLevel} into every leaf column. */
  abstract void writeNull(int repetitionLevel, int definitionLevel);

  /** Writes rows {@code [from, to)} of a top-level field, each starting a new record. */
  void writeRows(int from, int to) {
    for (int row = from; row < to; row++) {
      write(row, 0, 0);
    }
  }
}
