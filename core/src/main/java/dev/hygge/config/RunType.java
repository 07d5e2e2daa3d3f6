package dev.hygge.config;

import dev.hygge.flow.WriteMode;

/** How an entity is loaded, as hygge users know it from {@code run_type:}. */
public enum RunType {
  /** Add new data to what the store has. */
  INCREMENTAL,
  /** Replace what the store has with a full reload. */
  FULL_DROP;

  /** The store write mode this run type asks for. */
  public WriteMode writeMode() {
    return this == INCREMENTAL ? WriteMode.APPEND : WriteMode.REPLACE;
  }

  /** The word users write, e.g. {@code full_drop}. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
