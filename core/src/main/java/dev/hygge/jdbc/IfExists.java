package dev.hygge.jdbc;

/** What a database store does when its target table already exists. */
public enum IfExists {
  /** Fail when the table holds rows; an empty or missing table is filled. */
  FAIL,
  /** Add the new rows to the table. */
  APPEND,
  /** Replace the table with the new rows. */
  REPLACE
}
