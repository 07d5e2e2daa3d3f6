package dev.hygge.parquet;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import dev.hygge.files.LocalFiles;
import dev.hygge.files.LocalObjectVersions;
import dev.hygge.flow.BatchReader;
import dev.hygge.flow.Home;
import dev.hygge.flow.ReadRequest;
import dev.hygge.state.ObjectVersion;
import dev.hygge.state.SupportsObjectSelection;
import java.nio.file.Path;
import java.util.List;

/** A home of Parquet files on the local filesystem: one file, a directory or a glob. */
public final class ParquetHome implements Home, SupportsObjectSelection {
  private static final LocalFiles PARQUET_FILES = new LocalFiles("Parquet", "parquet");

  private final Path path;
  private final String written;

  /**
   * @param path the resolved file, directory or glob
   * @param written the path as the user wrote it, for {@link #describe()}
   */
  public ParquetHome(Path path, String written) {
    this.path = requireNonNull(path, "path is null");
    this.written = requireNonNull(written, "written is null");
  }

  /**
   * Opens every matching file, in path order, as one stream of batches.
   *
   * @throws HyggeException of kind HOME when no file matches, a file is unreadable, or two files'
   *     schemas differ (naming both files and the column)
   */
  @Override
  public BatchReader open(ReadRequest request) {
    requireNonNull(request, "request is null");
    List<Path> files = PARQUET_FILES.match(path, written, request.entity());
    return new ParquetBatchReader(request, files);
  }

  @Override
  public List<ObjectVersion> objects(ReadRequest request) {
    return LocalObjectVersions.of(
        PARQUET_FILES.match(path, written, request.entity()), request.entity());
  }

  @Override
  public BatchReader open(ReadRequest request, List<ObjectVersion> objects) {
    return new ParquetBatchReader(request, LocalObjectVersions.files(objects));
  }

  @Override
  public String describe() {
    return ParquetHomeType.NAME + " " + written;
  }
}
