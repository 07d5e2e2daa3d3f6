package dev.hygge.storage;

import static java.util.Objects.requireNonNull;

/** What must hold of the stored object for a {@link SupportsConditionalWrite} write to happen. */
public sealed interface WriteCondition {
  /** No object may exist at the location ({@code If-None-Match: *}, GCS generation 0). */
  record Absent() implements WriteCondition {}

  /**
   * The stored object must have exactly this version ({@code If-Match}, GCS generation match).
   *
   * @param version the version read before
   */
  record Matches(String version) implements WriteCondition {
    public Matches {
      requireNonNull(version, "version is null");
    }
  }

  /** The condition that no object exists. */
  static WriteCondition absent() {
    return new Absent();
  }

  /** The condition that the stored object has {@code version}. */
  static WriteCondition matches(String version) {
    return new Matches(version);
  }
}
