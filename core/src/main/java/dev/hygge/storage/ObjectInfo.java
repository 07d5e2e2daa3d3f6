package dev.hygge.storage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * What a store knows about one object.
 *
 * @param location where it is
 * @param size its length in bytes
 * @param version a token that changes when the content changes (an S3 ETag, a file's size and
 *     modification time)
 * @param modified when it was last written
 */
public record ObjectInfo(Location location, long size, String version, Instant modified) {
  public ObjectInfo {
    requireNonNull(location, "location is null");
    requireNonNull(version, "version is null");
    requireNonNull(modified, "modified is null");
    if (size < 0) {
      throw new IllegalArgumentException("size is negative: " + size);
    }
  }
}
