package dev.hygge.parquet;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.BatchReader;
import dev.hygge.flow.LocalFileSet;
import dev.hygge.flow.ReadRequest;
import dev.hygge.flow.ReadsLocalFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads many Parquet files, in order, as one stream of batches. Every footer is read when the
 * reader opens, so incompatible files fail before any data moves; batches move from each file's
 * reader into this reader's root without copying.
 */
final class ParquetBatchReader implements BatchReader, ReadsLocalFiles {
  private final ReadRequest request;
  private final List<ParquetSource> files;
  private final Schema schema;
  private final VectorSchemaRoot root;
  private ArrowParquetReader current;
  private int nextFile;
  private int filesRead;
  private long bytesOfClosedFiles;

  private final AutoCloseable resources;

  /**
   * @param resources closed with the reader (the object store the files are in)
   */
  ParquetBatchReader(ReadRequest request, List<ParquetSource> files, AutoCloseable resources) {
    this.request = request;
    this.files = List.copyOf(files);
    this.resources = resources;
    this.schema = unionSchema();
    this.root = VectorSchemaRoot.create(schema, request.allocator());
  }

  private Schema unionSchema() {
    ParquetSource firstFile = files.get(0);
    Schema union = schemaOf(firstFile);
    Schema first = union;
    for (ParquetSource file : files.subList(1, files.size())) {
      Schema next = schemaOf(file);
      Optional<String> difference = ParquetSchemaUnion.difference(first, next);
      if (difference.isPresent()) {
        throw new HyggeException(
            ErrorKind.HOME,
            "Cannot read entity "
                + request.entity()
                + ": Parquet files "
                + firstFile
                + " (the first) and "
                + file
                + " (the second) have incompatible schemas: "
                + difference.get()
                + ". All files of one entity must share column names and types; move the odd"
                + " file out of the path or split the entity.");
      }
      union = ParquetSchemaUnion.widen(union, next);
    }
    return union;
  }

  private Schema schemaOf(ParquetSource file) {
    try (ArrowParquetReader reader =
        new ArrowParquetReader(file, request.columns(), 1, request.allocator(), null)) {
      return reader.schema();
    } catch (HyggeException e) {
      throw withEntity(e);
    }
  }

  private HyggeException withEntity(HyggeException e) {
    return new HyggeException(
        ErrorKind.HOME, "Cannot read entity " + request.entity() + ": " + e.getMessage(), e);
  }

  /** The files this reader reads, in order. */
  List<ParquetSource> files() {
    return files;
  }

  /** Whether every column of the files is read (no column selection). */
  boolean readsAllColumns() {
    return request.columns().isEmpty();
  }

  /** Whether no batch has been loaded yet. */
  boolean untouched() {
    return nextFile == 0 && current == null;
  }

  /** The qualified name of the entity being read, for messages. */
  String entity() {
    return request.entity();
  }

  /**
   * The files as they are on local disk, when every one is and no batch was loaded yet. Every file
   * has the reader's column names and types (the constructor checked), and a column selection picks
   * top-level columns by name, so the files' rows, read whole, are this reader's rows.
   */
  @Override
  public Optional<LocalFileSet> localFiles() {
    if (!untouched()) {
      return Optional.empty();
    }
    List<Path> paths = new ArrayList<>();
    long bytes = 0;
    for (ParquetSource file : files) {
      Optional<Path> path = file.localPath();
      if (path.isEmpty()) {
        return Optional.empty();
      }
      paths.add(path.get());
      bytes += size(path.get());
    }
    return Optional.of(new LocalFileSet(LocalFileSet.Format.PARQUET, paths, bytes));
  }

  private long size(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      throw HyggeException.home(
          "Cannot read entity " + request.entity() + ": cannot read the size of " + path + ": " + e,
          e);
    }
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public boolean loadNextBatch() {
    try {
      while (true) {
        if (current == null) {
          if (nextFile >= files.size()) {
            root.setRowCount(0);
            return false;
          }
          current =
              new ArrowParquetReader(
                  files.get(nextFile++),
                  request.columns(),
                  request.batchSize(),
                  request.allocator(),
                  schema);
          filesRead++;
        }
        if (current.loadNextBatch()) {
          transferBatch(current.root());
          return true;
        }
        bytesOfClosedFiles += current.bytesRead();
        ArrowParquetReader finished = current;
        current = null;
        finished.close();
      }
    } catch (HyggeException e) {
      throw withEntity(e);
    }
  }

  private void transferBatch(VectorSchemaRoot batch) {
    List<FieldVector> sources = batch.getFieldVectors();
    List<FieldVector> targets = root.getFieldVectors();
    for (int i = 0; i < sources.size(); i++) {
      sources.get(i).makeTransferPair(targets.get(i)).transfer();
    }
    root.setRowCount(batch.getRowCount());
  }

  @Override
  public VectorSchemaRoot root() {
    return root;
  }

  @Override
  public long bytesRead() {
    return bytesOfClosedFiles + (current == null ? 0 : current.bytesRead());
  }

  @Override
  public int filesRead() {
    return filesRead;
  }

  @Override
  public void close() {
    try (AutoCloseable closingResources = resources;
        VectorSchemaRoot closingRoot = root) {
      if (current != null) {
        current.close();
        current = null;
      }
    } catch (HyggeException | IllegalStateException e) {
      throw e;
    } catch (Exception e) {
      throw HyggeException.home(
          "Cannot read entity " + request.entity() + ": closing its files failed: " + e, e);
    }
  }
}
