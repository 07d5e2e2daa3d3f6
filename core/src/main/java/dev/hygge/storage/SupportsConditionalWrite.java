package dev.hygge.storage;

import java.util.Optional;

/**
 * An {@link ObjectStore} that writes small objects under a precondition on the stored version (an
 * S3 ETag, a GCS generation, an Azure ETag, a local file's size and modification time), so a write
 * is a compare-and-swap. A lost race throws {@link WriteConditionFailedException}; a request whose
 * reply never came throws {@link WriteOutcomeUnknownException}.
 */
public interface SupportsConditionalWrite {
  /**
   * The object's bytes and the version they belong to, read in one request.
   *
   * @return empty when there is no object
   * @throws dev.hygge.HyggeException of kind HOME when reading fails
   */
  Optional<VersionedBytes> readVersioned(Location location);

  /**
   * Writes the object whole if the condition holds.
   *
   * @return what the store knows about the written object, with its new version
   * @throws WriteConditionFailedException when the condition does not hold: nothing was written
   * @throws WriteOutcomeUnknownException when the write may or may not have happened
   * @throws dev.hygge.HyggeException of kind STORE when the write failed and nothing was written
   */
  ObjectInfo writeIf(Location location, byte[] bytes, WriteCondition condition);

  /**
   * Deletes the object if its version is still {@code version}.
   *
   * @throws WriteConditionFailedException when the object is gone or has another version
   * @throws WriteOutcomeUnknownException when the delete may or may not have happened
   */
  void deleteIf(Location location, String version);
}
