package dev.hygge.csv;

import static java.util.Objects.requireNonNull;

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
import java.util.List;
import java.util.Optional;

/**
 * A home of CSV files: a file, a directory or a glob, all with the same header, on local disk or in
 * an object store (each object streamed).
 */
public final class CsvHome implements Home, SupportsObjectSelection {
  private final CsvOptions options;
  private final HomeFiles files;

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
    this.files = new HomeFiles(requireNonNull(target, "target is null"), "CSV", "csv");
  }

  /**
   * Finds the files, works out the schema (reading the first file's header and sampling its rows
   * for inference) and opens a reader over all files in name order. The caller closes the reader.
   */
  @Override
  public CsvBatchReader open(ReadRequest request) {
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

  private CsvBatchReader open(ReadRequest request, HomeFiles.Selected selected) {
    CsvFileNames names = new CsvFileNames(options.baseDir());
    try {
      List<CsvSource> sources =
          selected.files().stream()
              .map(
                  f ->
                      f instanceof HomeFiles.FileRef.Remote remote
                          ? CsvSource.object(remote.object())
                          : CsvSource.local(
                              ((HomeFiles.FileRef.Local) f).path(),
                              names.display(((HomeFiles.FileRef.Local) f).path())))
              .toList();
      CsvLayout layout =
          new CsvSchemaProbe(options, request.entity()).probe(sources, request.columns());
      return new CsvBatchReader(
          request.entity(),
          options,
          layout,
          sources,
          request.batchSize(),
          request.allocator(),
          selected.resources());
    } catch (RuntimeException e) {
      try {
        selected.resources().close();
      } catch (Exception closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
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
