package dev.hygge.storage;

import java.util.Optional;

/**
 * Reads and writes whole objects by {@link Location}, the same way on every backend. Optional
 * capabilities are mix-in interfaces such as {@link SupportsListing}. Implementations are safe to
 * use from several threads; the caller closes the store.
 */
public interface ObjectStore extends AutoCloseable {
  /**
   * An object to read. Nothing is fetched until the returned object is read.
   *
   * @throws dev.hygge.HyggeException of kind CONFIG when this store does not handle the location's
   *     scheme
   */
  InputObject open(Location location);

  /**
   * Starts a new object that must not exist yet.
   *
   * @throws dev.hygge.HyggeException of kind STORE when the object exists, now or at commit
   */
  OutputObject create(Location location);

  /** Starts an object that replaces any object at the location when committed. */
  OutputObject createOrOverwrite(Location location);

  /**
   * What the store knows about the object, or empty when there is none.
   *
   * @throws dev.hygge.HyggeException of kind CONFIG when the bucket does not exist, HOME when the
   *     store cannot be reached
   */
  Optional<ObjectInfo> stat(Location location);

  /** Whether an object exists at the location. */
  default boolean exists(Location location) {
    return stat(location).isPresent();
  }

  /**
   * Deletes the object; deleting an object that does not exist does nothing.
   *
   * @throws dev.hygge.HyggeException of kind STORE when deleting fails
   */
  void delete(Location location);

  /** Releases the store's clients and connections. */
  @Override
  void close();
}
