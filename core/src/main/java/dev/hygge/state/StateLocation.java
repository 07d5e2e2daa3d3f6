package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import dev.hygge.jdbc.Database;
import dev.hygge.storage.StorageTarget;

/** Which backend keeps entity state ({@code state: type} in {@code hygge.yml}). */
public sealed interface StateLocation {
  /** One JSON file per entity in the local state directory. */
  record Directory() implements StateLocation {}

  /**
   * One JSON object per entity under an object-storage prefix, written with conditional writes.
   *
   * @param target the prefix and how to reach it
   */
  record Objects(StorageTarget target) implements StateLocation {
    public Objects {
      requireNonNull(target, "target is null");
    }
  }

  /**
   * One row per entity in a table of a database.
   *
   * @param database the database
   * @param table the table's name
   */
  record Table(Database database, String table) implements StateLocation {
    public Table {
      requireNonNull(database, "database is null");
      requireNonNull(table, "table is null");
    }
  }
}
