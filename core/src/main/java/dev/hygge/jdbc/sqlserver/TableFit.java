package dev.hygge.jdbc.sqlserver;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import dev.hygge.jdbc.ValueChecks;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * How the data fits a SQL Server target table: the columns the publish adds to it, and the limits
 * every batch is checked against before it is bulk-copied.
 *
 * @param entity the entity, for messages
 * @param where the database and table, for messages
 * @param added the data's columns the existing table lacks, which {@code add_columns} adds
 * @param checks the limits of the columns the data goes into
 */
record TableFit(String entity, String where, List<String> added, ValueChecks checks) {
  TableFit {
    requireNonNull(entity, "entity is null");
    requireNonNull(where, "where is null");
    added = List.copyOf(requireNonNull(added, "added is null"));
    requireNonNull(checks, "checks is null");
  }

  /**
   * Checks {@code batch}, whose first row is row {@code rowsBefore + 1} of the load.
   *
   * @throws HyggeException of kind STORE naming the entity, table, row, column and value that does
   *     not fit
   */
  void check(VectorSchemaRoot batch, long rowsBefore) {
    checks.check(
        batch,
        rowsBefore,
        reason ->
            HyggeException.store(
                "Cannot write entity "
                    + entity
                    + " into "
                    + where
                    + ": "
                    + reason
                    + ". Nothing was published; the table is as it was.",
                null));
  }
}
