package dev.hygge.csv;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.BatchReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an entity's CSV files, one after the other, into batches of Arrow vectors. Bad rows fail
 * the read naming file, line and column, or go to the reject file ({@link #rejectedRows()} counts
 * them). Returned by {@link CsvHome#open}; the caller closes it, which frees every buffer.
 */
public final class CsvBatchReader implements BatchReader {
  private static final Logger LOG = LoggerFactory.getLogger(CsvBatchReader.class);

  /** Longest value quoted in a bad-row message. */
  private static final int MAX_QUOTED_VALUE_CHARS = 100;

  private final String entity;
  private final CsvOptions options;
  private final CsvLayout layout;
  private final List<CsvSource> files;
  private final CsvFileNames names;
  private final int batchSize;
  private final VectorSchemaRoot root;
  private final ColumnAppender[] appenders;
  private final int[] fieldIndexes;
  private final String[] columnNames;
  private final NullValues nulls;
  private final int width;
  private final RejectFile rejects;

  private int nextFile;
  private CsvFileInput current;
  private String currentName = "";
  private long completedBytes;

  /** Updated by the reading thread after each batch, so progress can be read from any thread. */
  private volatile long bytesRead;

  private volatile int filesRead;
  private long rejectedRows;
  private boolean finished;
  private final AutoCloseable resources;

  CsvBatchReader(
      String entity,
      CsvOptions options,
      CsvLayout layout,
      List<CsvSource> files,
      int batchSize,
      BufferAllocator allocator,
      AutoCloseable resources) {
    this.resources = resources;
    this.entity = entity;
    this.options = options;
    this.layout = layout;
    this.files = List.copyOf(files);
    this.names = new CsvFileNames(options.baseDir());
    this.batchSize = batchSize;
    this.nulls = new NullValues(options.nullValues());
    this.width = layout.columns().size();
    this.rejects = new RejectFile(options.rejectFile(entity));
    this.root = VectorSchemaRoot.create(layout.schema(), allocator);
    List<FieldVector> vectors = root.getFieldVectors();
    this.appenders = new ColumnAppender[vectors.size()];
    this.fieldIndexes = new int[vectors.size()];
    this.columnNames = new String[vectors.size()];
    for (int c = 0; c < vectors.size(); c++) {
      FieldVector vector = vectors.get(c);
      vector.setInitialCapacity(batchSize);
      vector.allocateNew();
      appenders[c] = ColumnAppender.forVector(vector);
      fieldIndexes[c] = layout.selected().get(c);
      columnNames[c] = layout.columns().get(fieldIndexes[c]);
    }
  }

  @Override
  public Schema schema() {
    return root.getSchema();
  }

  @Override
  public boolean loadNextBatch() {
    for (FieldVector vector : root.getFieldVectors()) {
      vector.reset();
    }
    int row = 0;
    try {
      while (row < batchSize) {
        if (current == null && !openNextFile()) {
          break;
        }
        CsvRecordParser parser = current.parser();
        if (!parser.next()) {
          closeCurrent();
          continue;
        }
        if (appendRecord(parser.record(), row)) {
          row++;
        }
      }
    } catch (CsvRecordTooLongException e) {
      throw HyggeException.home(
          "Cannot read entity " + entity + ": in " + currentName + ", " + e.getMessage(), e);
    } catch (IOException e) {
      throw HyggeException.home(
          "Cannot read entity "
              + entity
              + ": reading "
              + currentName
              + " failed: "
              + e
              + "; check the file and its 'encoding:'",
          e);
    }
    root.setRowCount(row);
    bytesRead = completedBytes + positionInCurrentFile();
    if (row == 0) {
      finish();
    }
    return row > 0;
  }

  /** Appends the parser's current record at {@code row}; false when it was rejected. */
  private boolean appendRecord(CsvRecord record, int row) throws IOException {
    if (record.problem() != null) {
      return badRow(record, null, record.problem());
    }
    if (record.fieldCount() != width) {
      return badRow(
          record,
          null,
          "has "
              + record.fieldCount()
              + (record.fieldCount() == 1 ? " field" : " fields")
              + " but "
              + width
              + " are expected ("
              + String.join(", ", layout.columns())
              + ")");
    }
    for (int c = 0; c < appenders.length; c++) {
      int field = fieldIndexes[c];
      byte[] bytes;
      int start;
      int end;
      if (record.escaped(field)) {
        bytes = record.unescape(field);
        start = 0;
        end = record.unescapedLength();
      } else {
        bytes = record.buffer();
        start = record.start(field);
        end = record.end(field);
      }
      if (!record.quoted(field) && nulls.matches(bytes, start, end)) {
        appenders[c].appendNull(row);
      } else if (!appenders[c].append(row, bytes, start, end)) {
        return badRow(record, c, valueProblem(c, bytes, start, end));
      }
    }
    return true;
  }

  private String valueProblem(int column, byte[] bytes, int start, int end) {
    String value = new String(bytes, start, end - start, StandardCharsets.UTF_8);
    if (value.length() > MAX_QUOTED_VALUE_CHARS) {
      value = value.substring(0, MAX_QUOTED_VALUE_CHARS) + "...";
    }
    String expected = appenders[column].expected();
    String problem = "value '" + value + "' is not a valid " + expected;
    if (layout.inferred().contains(columnNames[column])) {
      return problem
          + "; the type was inferred from the first "
          + layout.inferRows()
          + " rows of "
          + layout.headerFile()
          + ", declare the column in 'schema:' (e.g. "
          + columnNames[column]
          + ": string) to set its type";
    }
    return problem + " as declared in 'schema:'";
  }

  private boolean badRow(CsvRecord record, Integer column, String problem) throws IOException {
    String where =
        current.displayName()
            + " line "
            + record.line()
            + (column == null ? "" : ", column '" + columnNames[column] + "'");
    if (options.onBadRow() == BadRowPolicy.FAIL) {
      throw new HyggeException(
          ErrorKind.HOME,
          "Cannot read entity "
              + entity
              + ": bad row in "
              + where
              + ": "
              + problem
              + ". Fix the file, or set on_bad_row: reject to write bad rows to "
              + names.display(rejects.path())
              + " and go on");
    }
    String reason = column == null ? problem : "column '" + columnNames[column] + "': " + problem;
    try {
      rejects.append(current.displayName(), record.line(), reason, record.rawText());
    } catch (IOException e) {
      throw HyggeException.home(
          "Cannot read entity "
              + entity
              + ": cannot write the bad row at "
              + where
              + " to the reject file "
              + names.display(rejects.path())
              + ": "
              + e
              + "; check 'reject_path:'",
          e);
    }
    rejectedRows++;
    return false;
  }

  private boolean openNextFile() throws IOException {
    if (nextFile >= files.size()) {
      return false;
    }
    CsvSource file = files.get(nextFile++);
    currentName = file.name();
    current = CsvFileInput.open(file, options, entity);
    filesRead++;
    if (layout.header().isPresent()) {
      List<String> header = current.header().orElseThrow();
      if (!header.isEmpty() && !header.equals(layout.header().get())) {
        String other = current.displayName();
        closeCurrent();
        throw new HyggeException(
            ErrorKind.HOME,
            "Cannot read entity "
                + entity
                + ": the header of "
                + other
                + " ("
                + String.join(", ", header)
                + ") differs from the header of "
                + layout.headerFile()
                + " ("
                + String.join(", ", layout.header().get())
                + "); every file of an entity must have the same columns in the same order");
      }
    }
    return true;
  }

  private long positionInCurrentFile() {
    if (current == null) {
      return 0;
    }
    return current.bytesRead();
  }

  private void closeCurrent() throws IOException {
    CsvFileInput closing = current;
    current = null;
    completedBytes += closing.bytesRead();
    bytesRead = completedBytes;
    closing.close();
  }

  private void finish() {
    if (finished) {
      return;
    }
    finished = true;
    if (rejectedRows > 0) {
      LOG.warn(
          "Entity {}: rejected {} bad CSV rows from '{}'; they are in {}",
          entity,
          rejectedRows,
          options.path(),
          rejects.path());
    }
  }

  /** Rows sent to the reject file so far (always 0 with {@code on_bad_row: fail}). */
  public long rejectedRows() {
    return rejectedRows;
  }

  @Override
  public VectorSchemaRoot root() {
    return root;
  }

  @Override
  public long bytesRead() {
    return bytesRead;
  }

  @Override
  public int filesRead() {
    return filesRead;
  }

  @Override
  public void close() {
    finish();
    try (AutoCloseable closingResources = resources;
        root;
        rejects) {
      if (current != null) {
        closeCurrent();
      }
    } catch (HyggeException e) {
      throw e;
    } catch (Exception e) {
      throw HyggeException.home(
          "Cannot read entity " + entity + ": closing CSV files failed: " + e, e);
    }
  }
}
