package dev.hygge.jdbc;

import java.sql.SQLException;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Puts a writer's batches into its staging table, inside the writer's transaction. The writer that
 * made it closes it before publishing.
 */
public interface RowStager extends AutoCloseable {

  /**
   * Stages every row of {@code batch}; the batch is valid only during the call.
   *
   * @throws SQLException when the database rejects a row
   */
  void stage(VectorSchemaRoot batch) throws SQLException;

  /**
   * Makes everything staged visible to later statements of the transaction and frees resources.
   * Safe to call more than once.
   *
   * @throws SQLException when the last rows cannot be staged
   */
  @Override
  void close() throws SQLException;
}
