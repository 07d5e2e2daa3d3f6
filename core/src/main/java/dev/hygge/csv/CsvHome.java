package dev.hygge.csv;

import static java.util.Objects.requireNonNull;

import dev.hygge.files.LocalFiles;
import dev.hygge.files.LocalObjectVersions;
import dev.hygge.flow.BatchReader;
import dev.hygge.flow.Home;
import dev.hygge.flow.ReadRequest;
import dev.hygge.state.ObjectVersion;
import dev.hygge.state.SupportsObjectSelection;
import java.nio.file.Path;
import java.util.List;

/** A home of CSV files: a file, a directory or a glob, all with the same header. */
public final class CsvHome implements Home, SupportsObjectSelection {
  private static final LocalFiles CSV_FILES = new LocalFiles("CSV", "csv");

  private final CsvOptions options;

  public CsvHome(CsvOptions options) {
    this.options = requireNonNull(options, "options is null");
  }

  /**
   * Finds the files, works out the schema (reading the first file's header and sampling its rows
   * for inference) and opens a reader over all files in name order. The caller closes the reader.
   */
  @Override
  public CsvBatchReader open(ReadRequest request) {
    return openFiles(request, files(request));
  }

  @Override
  public List<ObjectVersion> objects(ReadRequest request) {
    return LocalObjectVersions.of(files(request), request.entity());
  }

  @Override
  public BatchReader open(ReadRequest request, List<ObjectVersion> objects) {
    return openFiles(request, LocalObjectVersions.files(objects));
  }

  private List<Path> files(ReadRequest request) {
    return CSV_FILES.match(
        options.baseDir().resolve(options.path()).normalize(), options.path(), request.entity());
  }

  private CsvBatchReader openFiles(ReadRequest request, List<Path> files) {
    CsvFileNames names = new CsvFileNames(options.baseDir());
    CsvLayout layout =
        new CsvSchemaProbe(options, request.entity(), names).probe(files, request.columns());
    return new CsvBatchReader(
        request.entity(), options, layout, files, request.batchSize(), request.allocator());
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
