package dev.hygge.jdbc;

/** What a database store does when the data's columns differ from an existing table's. */
public enum SchemaEvolution {
  /** Any new, missing or retyped column fails the write before anything is staged. */
  FAIL,
  /**
   * New columns are added to the table (nullable), columns missing from the data are written as
   * NULL when the table allows it; a retyped column still fails.
   */
  ADD_COLUMNS
}
