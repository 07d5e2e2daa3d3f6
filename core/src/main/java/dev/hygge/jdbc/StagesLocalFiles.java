package dev.hygge.jdbc;

import dev.hygge.flow.LocalFileSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * A capability of a {@link RowStager}: staging whole local files that the database reads itself,
 * into the same staging table and transaction as batches would go.
 */
public interface StagesLocalFiles {

  /**
   * Stages every row of {@code files}, if the database reads them into exactly the staging table's
   * column names and types.
   *
   * @return the rows staged, or empty when the database would read the files differently; then
   *     nothing was staged
   * @throws SQLException when reading or staging the files fails
   */
  OptionalLong stage(LocalFileSet files) throws SQLException;
}
