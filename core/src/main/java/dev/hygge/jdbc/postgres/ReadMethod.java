package dev.hygge.jdbc.postgres;

/** How the PostgreSQL home reads rows. */
public enum ReadMethod {
  /** {@code COPY (SELECT ...) TO STDOUT (FORMAT binary)}, decoded straight into Arrow. */
  COPY,
  /** A server-side cursor through JDBC, fetching a batch of rows at a time. */
  CURSOR
}
