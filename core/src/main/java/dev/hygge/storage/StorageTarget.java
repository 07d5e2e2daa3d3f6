package dev.hygge.storage;

import static java.util.Objects.requireNonNull;

/**
 * Where a file home reads or a file store writes, and how to reach it.
 *
 * @param location the file, directory or glob
 * @param written the location as the user wrote it, for messages
 * @param access the credential and service settings
 */
public record StorageTarget(Location location, String written, StorageAccess access) {
  public StorageTarget {
    requireNonNull(location, "location is null");
    requireNonNull(written, "written is null");
    requireNonNull(access, "access is null");
  }

  /** Whether the location is on local disk. */
  public boolean isLocal() {
    return location.isLocal();
  }
}
