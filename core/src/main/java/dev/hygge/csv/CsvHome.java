package dev.hygge.csv;

import static java.util.Objects.requireNonNull;

import dev.hygge.files.LocalFiles;
import dev.hygge.files.ObjectFiles;
import dev.hygge.flow.Home;
import dev.hygge.flow.ReadRequest;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.ObjectStores;
import dev.hygge.storage.StorageAccess;
import dev.hygge.storage.StorageTarget;
import java.nio.file.Path;
import java.util.List;

/**
 * A home of CSV files: a file, a directory or a glob, all with the same header, on local disk or in
 * an object store (each object streamed).
 */
public final class CsvHome implements Home {
  private static final LocalFiles CSV_FILES = new LocalFiles("CSV", "csv");
  private static final ObjectFiles CSV_OBJECTS = new ObjectFiles("CSV", "csv");

  private final CsvOptions options;
  private final StorageTarget target;

  /** A home of local files at the options' path. */
  public CsvHome(CsvOptions options) {
    this(
        options,
        new StorageTarget(
            Location.of(options.baseDir().resolve(options.path())),
            options.path(),
            StorageAccess.defaults()));
  }

  /**
   * @param target the file, directory or glob, and how to reach it
   */
  public CsvHome(CsvOptions options, StorageTarget target) {
    this.options = requireNonNull(options, "options is null");
    this.target = requireNonNull(target, "target is null");
  }

  /**
   * Finds the files, works out the schema (reading the first file's header and sampling its rows
   * for inference) and opens a reader over all files in name order. The caller closes the reader.
   */
  @Override
  public CsvBatchReader open(ReadRequest request) {
    if (target.isLocal()) {
      List<Path> files =
          CSV_FILES.match(Path.of(target.location().path()), options.path(), request.entity());
      CsvFileNames names = new CsvFileNames(options.baseDir());
      return open(
          request,
          files.stream().map(f -> CsvSource.local(f, names.display(f))).toList(),
          () -> {});
    }
    ObjectStore store = ObjectStores.open(target);
    try {
      List<CsvSource> sources =
          CSV_OBJECTS.match(store, target.location(), target.written(), request.entity()).stream()
              .map(o -> CsvSource.object(store.open(o.location())))
              .toList();
      return open(request, sources, store);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private CsvBatchReader open(ReadRequest request, List<CsvSource> files, AutoCloseable resources) {
    CsvLayout layout =
        new CsvSchemaProbe(options, request.entity()).probe(files, request.columns());
    return new CsvBatchReader(
        request.entity(),
        options,
        layout,
        files,
        request.batchSize(),
        request.allocator(),
        resources);
  }

  /** The options this home was built with. */
  public CsvOptions options() {
    return options;
  }

  @Override
  public String describe() {
    return "csv " + options.path();
  }
}
