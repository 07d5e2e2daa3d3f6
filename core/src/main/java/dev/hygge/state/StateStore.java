package dev.hygge.state;

import java.util.Optional;

/**
 * Where entity state lives, with compare-and-swap writes so two runs never overwrite each other's
 * progress (the model is Iceberg's {@code TableOperations.commit}).
 */
public interface StateStore extends AutoCloseable {

  /**
   * The entity's state and its version.
   *
   * @return empty when the entity has no state yet
   * @throws dev.hygge.HyggeException of kind STATE when the state cannot be read or is corrupt,
   *     naming the file, what is wrong and how to repair it
   */
  Optional<VersionedState> read(EntityKey key);

  /**
   * Writes the entity's state if its stored version is still {@code expected}.
   *
   * @param expected the version read before; empty when the entity must have no state yet
   * @return the new version
   * @throws StateConflictException when the stored version differs: nothing was written; re-read
   *     and decide again
   * @throws StateOutcomeUnknownException when the write may or may not have happened: re-read
   *     before anything else
   * @throws dev.hygge.HyggeException of kind STATE when the write failed and nothing was written
   */
  StateVersion write(EntityKey key, EntityState state, Optional<StateVersion> expected);

  /**
   * Deletes the entity's state if its stored version is still {@code expected}.
   *
   * @throws StateConflictException when the stored version differs
   * @throws dev.hygge.HyggeException of kind STATE when the delete failed
   */
  void delete(EntityKey key, StateVersion expected);

  /**
   * The version to name when deleting the entity's state, even when its content is corrupt, so a
   * reset can repair it.
   *
   * @return empty when the entity has no state
   */
  Optional<StateVersion> versionForReset(EntityKey key);

  /** Where the entity's state is kept, for messages, e.g. a file path. */
  String describe(EntityKey key);

  /** Releases the backend's clients; local files hold nothing open. */
  @Override
  default void close() {}
}
