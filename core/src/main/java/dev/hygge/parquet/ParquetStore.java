package dev.hygge.parquet;

import static java.util.Objects.requireNonNull;

import dev.hygge.flow.Store;
import dev.hygge.flow.StoreWriter;
import dev.hygge.flow.WriteRequest;
import dev.hygge.storage.StorageTarget;

/**
 * Writes an entity as Parquet files into a staging directory and publishes them into its final
 * directory on commit (see {@link StagedDirectory}): readers never see a half-written file, and a
 * replace removes the previous files only once the new ones are in.
 */
public final class ParquetStore implements Store {
  private final StorageTarget directory;
  private final ParquetWriteOptions options;
  private final long targetFileSize;
  private final ParquetStoreWriter.RowGroups rowGroups;

  /**
   * @param directory the entity's final directory (local or in an object store) and how to reach it
   * @param options how files are written
   * @param targetFileSize a new file starts once the current one reaches this size
   * @param copyRowGroups whether Parquet row groups that need no conversion are copied as they are
   */
  ParquetStore(
      StorageTarget directory,
      ParquetWriteOptions options,
      long targetFileSize,
      ParquetStoreWriter.RowGroups copyRowGroups) {
    this.directory = requireNonNull(directory, "directory is null");
    this.options = requireNonNull(options, "options is null");
    if (targetFileSize <= 0) {
      throw new IllegalArgumentException("targetFileSize must be positive");
    }
    this.targetFileSize = targetFileSize;
    this.rowGroups = requireNonNull(copyRowGroups, "copyRowGroups is null");
  }

  @Override
  public StoreWriter open(WriteRequest request) {
    PartStaging staging = PartStaging.open(directory, request.runId(), request.entity());
    try {
      return new ParquetStoreWriter(staging, request, options, targetFileSize, rowGroups);
    } catch (RuntimeException e) {
      staging.close();
      throw e;
    }
  }

  @Override
  public String describe() {
    return "parquet " + directory.written();
  }
}
