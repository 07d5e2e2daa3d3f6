package dev.hygge.jdbc.sqlserver;

/** How staged rows reach an existing SQL Server table, inside the commit transaction. */
public enum WriteStrategy {
  /** {@code INSERT ... SELECT} from staging (after {@code TRUNCATE} when replacing). */
  DIRECT_INSERT,
  /** Build a new table from staging and swap it in with {@code sp_rename}. */
  TEMP_SWAP,
  /** One {@code MERGE} keyed by the primary key: update matches, insert the rest. */
  MERGE
}
