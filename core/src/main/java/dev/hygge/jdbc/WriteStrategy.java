package dev.hygge.jdbc;

/** How a database store publishes its staged rows into the target table on commit. */
public enum WriteStrategy {
  /** {@code INSERT ... SELECT} from the staging table (after a {@code DELETE} when replacing). */
  DIRECT_INSERT,
  /** The staging table becomes the target by renames: replaces the table, lock held briefly. */
  TEMP_SWAP,
  /** Upsert from the staging table keyed by the primary key: new rows added, matches updated. */
  MERGE
}
