package dev.hygge.storage;

/**
 * An {@link ObjectStore} that moves objects inside the service, without the bytes passing through
 * hygge: a rename where the service has one (local files, ADLS Gen2), else a server-side copy and a
 * delete (S3, GCS, Blob). Either way the target appears whole or not at all.
 */
public interface SupportsMove {
  /**
   * Moves the object at {@code from} to {@code to}, replacing any object there.
   *
   * @throws dev.hygge.HyggeException of kind STORE when {@code from} does not exist or moving fails
   */
  void move(Location from, Location to);
}
