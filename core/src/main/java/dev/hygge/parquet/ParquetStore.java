package dev.hygge.parquet;

import static java.util.Objects.requireNonNull;

import dev.hygge.files.StagedDirectory;
import dev.hygge.flow.Store;
import dev.hygge.flow.StoreWriter;
import dev.hygge.flow.WriteRequest;
import java.nio.file.Path;

/**
 * Writes an entity as Parquet files into a staging directory and publishes them into its final
 * directory on commit (see {@link StagedDirectory}): readers never see a half-written file, and a
 * replace removes the previous files only once the new ones are in.
 */
public final class ParquetStore implements Store {
  private final Path directory;
  private final String written;
  private final ParquetWriteOptions options;
  private final long targetFileSize;
  private final ParquetStoreWriter.RowGroups rowGroups;

  /**
   * @param directory the entity's final directory
   * @param written the path as the user wrote it, for messages
   * @param options how files are written
   * @param targetFileSize a new file starts once the current one reaches this size
   * @param copyRowGroups whether Parquet row groups that need no conversion are copied as they are
   */
  ParquetStore(
      Path directory,
      String written,
      ParquetWriteOptions options,
      long targetFileSize,
      ParquetStoreWriter.RowGroups copyRowGroups) {
    this.directory = requireNonNull(directory, "directory is null");
    this.written = requireNonNull(written, "written is null");
    this.options = requireNonNull(options, "options is null");
    if (targetFileSize <= 0) {
      throw new IllegalArgumentException("targetFileSize must be positive");
    }
    this.targetFileSize = targetFileSize;
    this.rowGroups = requireNonNull(copyRowGroups, "copyRowGroups is null");
  }

  @Override
  public StoreWriter open(WriteRequest request) {
    return new ParquetStoreWriter(
        new StagedDirectory(directory, "parquet"), request, options, targetFileSize, rowGroups);
  }

  @Override
  public String describe() {
    return "parquet " + written;
  }
}
