package dev.hygge.parquet;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import dev.hygge.files.LocalFiles;
import dev.hygge.files.ObjectFiles;
import dev.hygge.flow.BatchReader;
import dev.hygge.flow.Home;
import dev.hygge.flow.ReadRequest;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.ObjectStores;
import dev.hygge.storage.StorageTarget;
import java.nio.file.Path;
import java.util.List;

/**
 * A home of Parquet files: one file, a directory or a glob, on local disk or in an object store
 * (read by ranges: footers and the column chunks asked for).
 */
public final class ParquetHome implements Home {
  private static final LocalFiles PARQUET_FILES = new LocalFiles("Parquet", "parquet");
  private static final ObjectFiles PARQUET_OBJECTS = new ObjectFiles("Parquet", "parquet");

  private final StorageTarget target;

  /**
   * @param target the file, directory or glob, and how to reach it
   */
  public ParquetHome(StorageTarget target) {
    this.target = requireNonNull(target, "target is null");
  }

  /**
   * A home of local files.
   *
   * @param path the resolved file, directory or glob
   * @param written the path as the user wrote it, for messages
   */
  public ParquetHome(Path path, String written) {
    this(
        new StorageTarget(
            dev.hygge.storage.Location.of(path),
            written,
            dev.hygge.storage.StorageAccess.defaults()));
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
    if (target.isLocal()) {
      List<Path> files =
          PARQUET_FILES.match(
              Path.of(target.location().path()), target.written(), request.entity());
      return new ParquetBatchReader(
          request, files.stream().map(ParquetSource::local).toList(), () -> {});
    }
    ObjectStore store = ObjectStores.open(target);
    try {
      List<ObjectInfo> objects =
          PARQUET_OBJECTS.match(store, target.location(), target.written(), request.entity());
      List<ParquetSource> sources =
          objects.stream()
              .map(o -> ParquetSource.object(store.open(o.location()), o.size()))
              .toList();
      return new ParquetBatchReader(request, sources, store);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  @Override
  public String describe() {
    return ParquetHomeType.NAME + " " + target.written();
  }
}
