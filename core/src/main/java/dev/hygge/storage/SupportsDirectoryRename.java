package dev.hygge.storage;

/**
 * An {@link ObjectStore} that can move a whole directory in one atomic step, as a file system with
 * a hierarchical namespace does (ADLS Gen2, OneLake). A staged publish writes into a staging
 * directory and renames it into place.
 */
public interface SupportsDirectoryRename {
  /**
   * Moves the directory {@code from}, with everything under it, to {@code to} in one atomic step:
   * readers see all of it at the old place or all of it at the new one. Parent directories of
   * {@code to} are created as needed.
   *
   * @throws dev.hygge.HyggeException of kind STORE when {@code from} does not exist, something
   *     already exists at {@code to}, or the rename fails; CONFIG when the two locations are not in
   *     the same container of the same account
   */
  void renameDirectory(Location from, Location to);

  /**
   * Whether a directory exists at {@code location} (an empty one counts).
   *
   * @throws dev.hygge.HyggeException of kind HOME when the service cannot be asked
   */
  boolean directoryExists(Location location);
}
