package dev.hygge.state;

import static java.util.Objects.requireNonNull;

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
}
