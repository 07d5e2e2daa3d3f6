package dev.hygge.storage;

/** Whether committing an object may replace one that is already there. */
public enum WriteMode {
  /** Commit fails when an object exists at the location. */
  CREATE,
  /** Commit replaces any object at the location. */
  OVERWRITE
}
