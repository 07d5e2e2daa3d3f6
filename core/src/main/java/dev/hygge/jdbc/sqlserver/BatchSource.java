package dev.hygge.jdbc.sqlserver;

import org.apache.arrow.vector.VectorSchemaRoot;

/** Hands out staged batches one at a time to a bulk load. */
interface BatchSource {

  /**
   * The next batch, which the caller now owns and closes; null when no batch is left.
   *
   * @throws java.sql.SQLException when the load was cancelled or interrupted
   */
  VectorSchemaRoot take() throws java.sql.SQLException;
}
