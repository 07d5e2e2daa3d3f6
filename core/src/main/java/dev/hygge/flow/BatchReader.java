package dev.hygge.flow;

import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Pulls Arrow record batches out of a home, in the style of Arrow's {@code ArrowReader}: each
 * {@link #loadNextBatch()} refills {@link #root()}.
 *
 * <p>The reader owns its root and every buffer in it; the caller must not close the root, and must
 * copy or transfer what it wants to keep before the next {@code loadNextBatch()}. The caller closes
 * the reader.
 */
public interface BatchReader extends AutoCloseable {

  /**
   * The schema of every batch, known before the first batch is loaded.
   *
   * @throws dev.hygge.HyggeException of kind HOME when the schema cannot be determined
   */
  Schema schema();

  /**
   * Loads the next batch into {@link #root()}.
   *
   * @return false when the home is exhausted (the root is then empty)
   * @throws dev.hygge.HyggeException of kind HOME naming the file (and line) that failed
   */
  boolean loadNextBatch();

  /** The root holding the current batch; owned by this reader. */
  VectorSchemaRoot root();

  /** Bytes read from the home so far (compressed, as stored), for progress and reports. */
  long bytesRead();

  /** Files (or other units such as tables) opened so far. */
  int filesRead();

  /** Releases every resource of this reader, including the root's buffers. */
  @Override
  void close();
}
