package dev.hygge.flow;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Stages batches for one entity and publishes them atomically: nothing written becomes visible
 * before {@link #commit()}, and {@link #abort()} (or a crash) leaves the destination exactly as it
 * was.
 */
public interface StoreWriter extends AutoCloseable {

  /**
   * Stages one batch. The writer does not take ownership: the batch is valid only during the call.
   *
   * @throws dev.hygge.HyggeException of kind STORE when staging fails
   */
  void write(VectorSchemaRoot batch);

  /**
   * Publishes everything staged, atomically.
   *
   * @return what was published
   * @throws dev.hygge.HyggeException of kind STORE when publishing fails; the destination is then
   *     either unchanged or, if the failure came mid-publish, recorded so the next run completes it
   */
  CommitResult commit();

  /**
   * Discards everything staged. Safe to call after a failed write or commit, and more than once.
   */
  void abort();

  /** Bytes staged so far, for progress. */
  long bytesWritten();

  /** Releases resources; aborts if neither commit nor abort was called. */
  @Override
  void close();
}
