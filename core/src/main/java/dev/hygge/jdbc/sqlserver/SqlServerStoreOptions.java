package dev.hygge.jdbc.sqlserver;

import static java.util.Objects.requireNonNull;

import dev.hygge.jdbc.IfExists;
import dev.hygge.jdbc.SchemaEvolution;
import java.util.List;
import java.util.Optional;

/**
 * How a SQL Server store writes, as configured.
 *
 * @param table the target table, {@code schema.table} allowed, {@code {entity}} replaced at open
 * @param ifExists what to do when the table exists; when empty the run type decides
 * @param strategy how rows reach an existing table
 * @param primaryKey the key columns {@code merge} matches rows on
 * @param overrides T-SQL types chosen for some columns of created tables
 * @param batchSize rows per bulk-copy batch
 * @param parallelWriters how many bulk loads run at once, each on its own connection
 * @param evolution what to do when the data's columns differ from an existing table's
 */
public record SqlServerStoreOptions(
    String table,
    Optional<IfExists> ifExists,
    WriteStrategy strategy,
    List<String> primaryKey,
    SchemaOverrides overrides,
    int batchSize,
    int parallelWriters,
    SchemaEvolution evolution) {
  /** The default rows per bulk-copy batch: a full compressed columnstore row group. */
  public static final int DEFAULT_BATCH_SIZE = 102_400;

  /** The default number of parallel bulk loads. */
  public static final int DEFAULT_PARALLEL_WRITERS = 8;

  /**
   * @throws IllegalArgumentException for sizes below 1, {@code merge} without a primary key, a
   *     primary key without {@code merge}, {@code temp_swap} with {@code if_exists: append} or
   *     {@code merge} with {@code if_exists: replace}
   */
  public SqlServerStoreOptions {
    requireNonNull(table, "table is null");
    requireNonNull(ifExists, "ifExists is null");
    requireNonNull(strategy, "strategy is null");
    primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey is null"));
    requireNonNull(overrides, "overrides is null");
    requireNonNull(evolution, "evolution is null");
    if (table.isBlank()) {
      throw new IllegalArgumentException("table must not be empty");
    }
    if (batchSize < 1 || parallelWriters < 1) {
      throw new IllegalArgumentException("batch_size and parallel_writers must be at least 1");
    }
    if (strategy == WriteStrategy.MERGE && primaryKey.isEmpty()) {
      throw new IllegalArgumentException("write_strategy merge needs primary_key");
    }
    if (strategy != WriteStrategy.MERGE && !primaryKey.isEmpty()) {
      throw new IllegalArgumentException("primary_key is only used by write_strategy merge");
    }
    if (strategy == WriteStrategy.TEMP_SWAP && ifExists.equals(Optional.of(IfExists.APPEND))) {
      throw new IllegalArgumentException(
          "write_strategy temp_swap replaces the table, so if_exists cannot be append");
    }
    if (strategy == WriteStrategy.MERGE && ifExists.equals(Optional.of(IfExists.REPLACE))) {
      throw new IllegalArgumentException(
          "write_strategy merge keeps the table's rows, so if_exists cannot be replace");
    }
  }

  /** Options under which any drift from an existing table's columns fails the write. */
  public SqlServerStoreOptions(
      String table,
      Optional<IfExists> ifExists,
      WriteStrategy strategy,
      List<String> primaryKey,
      SchemaOverrides overrides,
      int batchSize,
      int parallelWriters) {
    this(
        table,
        ifExists,
        strategy,
        primaryKey,
        overrides,
        batchSize,
        parallelWriters,
        SchemaEvolution.FAIL);
  }
}
