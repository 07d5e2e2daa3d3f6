package dev.hygge.jdbc;

import org.apache.arrow.vector.VectorSchemaRoot;

/** Hands out batches one at a time, to a bulk load or a reader. */
public interface BatchSource {

  /**
   * The next batch, which the caller now owns and closes; null when no batch is left.
   *
   * @throws java.sql.SQLException when the load was cancelled or interrupted
   */
  VectorSchemaRoot take() throws java.sql.SQLException;
}
