package dev.hygge.parquet;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import dev.hygge.files.HomeFiles;
import dev.hygge.flow.BatchReader;
import dev.hygge.flow.Home;
import dev.hygge.flow.ReadRequest;
import dev.hygge.state.ObjectVersion;
import dev.hygge.state.SupportsObjectSelection;
import dev.hygge.storage.CreatedObject;
import dev.hygge.storage.Location;
import dev.hygge.storage.StorageAccess;
import dev.hygge.storage.StorageTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A home of Parquet files: one file, a directory or a glob, on local disk or in an object store
 * (read by ranges: footers and the column chunks asked for).
 */
public final class ParquetHome implements Home, SupportsObjectSelection {
  private final StorageTarget target;
  private final HomeFiles files;

  /**
   * @param target the file, directory or glob, and how to reach it
   */
  public ParquetHome(StorageTarget target) {
    this.target = requireNonNull(target, "target is null");
    this.files = new HomeFiles(target, "Parquet", "parquet");
  }

  /**
   * A home of local files.
   *
   * @param path the resolved file, directory or glob
   * @param written the path as the user wrote it, for messages
   */
  public ParquetHome(Path path, String written) {
    this(new StorageTarget(Location.of(path), written, StorageAccess.defaults()));
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
    return open(request, files.all(request.entity()));
  }

  @Override
  public List<ObjectVersion> objects(ReadRequest request) {
    return files.versions(request.entity());
  }

  @Override
  public Optional<Location> locate(CreatedObject object) {
    return files.locate(object);
  }

  @Override
  public Optional<ObjectVersion> current(ReadRequest request, Location located) {
    return files.current(located, request.entity());
  }

  @Override
  public BatchReader open(ReadRequest request, List<ObjectVersion> objects) {
    return open(request, files.only(objects));
  }

  private BatchReader open(ReadRequest request, HomeFiles.Selected selected) {
    try {
      List<ParquetSource> sources = selected.files().stream().map(ParquetHome::source).toList();
      return new ParquetBatchReader(request, sources, selected.resources());
    } catch (RuntimeException e) {
      try {
        selected.resources().close();
      } catch (Exception closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  private static ParquetSource source(HomeFiles.FileRef file) {
    if (file instanceof HomeFiles.FileRef.Remote remote) {
      return remote.size() >= 0
          ? ParquetSource.object(remote.object(), remote.size())
          : ParquetSource.object(remote.object());
    }
    return ParquetSource.local(((HomeFiles.FileRef.Local) file).path());
  }

  @Override
  public String describe() {
    return ParquetHomeType.NAME + " " + target.written();
  }
}
