package dev.hygge.parquet;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.VersionParser;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReaderImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads one Parquet file as Arrow batches, row group by row group, decoding each column straight
 * into Arrow vectors. A batch never spans two row groups.
 *
 * <p>The reader owns its root; the caller closes the reader, which frees every buffer.
 */
public final class ArrowParquetReader implements AutoCloseable {
  /** Values are read from {@link ColumnReader} directly; the converter is never called. */
  private static final PrimitiveConverter UNUSED_CONVERTER = new PrimitiveConverter() {};

  private final ParquetSource file;
  private final int batchSize;
  private final NativeByteBufferAllocator buffers = new NativeByteBufferAllocator();
  private final ParquetFileReader reader;
  private final MessageType projection;
  private final Set<String> projectedPaths;
  private final VersionParser.ParsedVersion writerVersion;
  private final Schema schema;
  private final VectorSchemaRoot root;
  private final double[] densities;
  private List<FieldReader> fieldReaders = List.of();
  private PageReadStore pages;
  private int rowGroup;
  private long rowsLeftInRowGroup;
  private long bytesRead;

  /**
   * Opens the file and reads its footer.
   *
   * @param columns the columns to read in this order; empty reads all columns
   * @throws HyggeException of kind HOME naming the file when it is missing or not Parquet, and
   *     naming the column and the available columns when a column does not exist
   */
  public ArrowParquetReader(
      Path file, List<String> columns, int batchSize, BufferAllocator allocator) {
    this(ParquetSource.local(file), columns, batchSize, allocator, null);
  }

  /**
   * Reads with {@code readAs} as the schema of every batch: the file's own schema widened (some
   * columns nullable that the file declares required), as for many files read as one stream.
   */
  ArrowParquetReader(
      ParquetSource file,
      List<String> columns,
      int batchSize,
      BufferAllocator allocator,
      Schema readAs) {
    this.file = requireNonNull(file, "file is null");
    requireNonNull(columns, "columns is null");
    requireNonNull(allocator, "allocator is null");
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
    }
    this.batchSize = batchSize;
    this.reader = open(file, buffers);
    try {
      FileMetaData metadata = reader.getFooter().getFileMetaData();
      this.projection = project(metadata.getSchema(), columns);
      this.projectedPaths =
          projection.getColumns().stream()
              .map(c -> String.join(".", c.getPath()))
              .collect(Collectors.toCollection(HashSet::new));
      this.writerVersion = writerVersion(metadata.getCreatedBy());
      Schema own =
          ParquetToArrowSchema.convert(
              projection, metadata.getKeyValueMetaData(), "Parquet file " + file);
      if (readAs != null && ParquetSchemaUnion.difference(own, readAs).isPresent()) {
        throw new IllegalArgumentException(
            "schema of " + file + " " + own + " cannot be read as " + readAs);
      }
      this.schema = readAs == null ? own : readAs;
      reader.setRequestedSchema(projection);
      this.root = VectorSchemaRoot.create(schema, allocator);
      this.densities = new double[schema.getFields().size()];
    } catch (RuntimeException e) {
      closeOnFailure(e);
      throw e;
    }
  }

  private static ParquetFileReader open(ParquetSource file, NativeByteBufferAllocator buffers) {
    try {
      return ParquetFileReader.open(
          file.file(),
          ParquetReadOptions.builder(new PlainParquetConfiguration())
              .withAllocator(buffers)
              .build());
    } catch (IOException | RuntimeException e) {
      buffers.close();
      throw HyggeException.home(
          "Cannot read Parquet file "
              + file
              + ": "
              + e.getMessage()
              + " (check that the file exists and is a complete Parquet file)",
          e);
    }
  }

  private MessageType project(MessageType fileSchema, List<String> columns) {
    if (columns.isEmpty()) {
      return fileSchema;
    }
    List<Type> fields = new ArrayList<>();
    for (String column : columns) {
      if (!fileSchema.containsField(column)) {
        throw HyggeException.home(
            "Column '"
                + column
                + "' not found in Parquet file "
                + file
                + "; available columns: "
                + fileSchema.getFields().stream()
                    .map(Type::getName)
                    .collect(Collectors.joining(", ")),
            null);
      }
      fields.add(fileSchema.getType(column));
    }
    return new MessageType(fileSchema.getName(), fields);
  }

  private static VersionParser.ParsedVersion writerVersion(String createdBy) {
    try {
      return createdBy == null ? null : VersionParser.parse(createdBy);
    } catch (VersionParser.VersionParseException | RuntimeException e) {
      // An unknown writer only disables parquet-mr's workarounds for its own old bugs.
      return null;
    }
  }

  /** The schema of every batch. */
  public Schema schema() {
    return schema;
  }

  /**
   * Loads the next batch into {@link #root()}.
   *
   * @return false at the end of the file (the root is then empty)
   * @throws HyggeException of kind HOME naming the file when it is corrupt or truncated
   */
  public boolean loadNextBatch() {
    try {
      while (rowsLeftInRowGroup == 0) {
        if (!nextRowGroup()) {
          root.setRowCount(0);
          return false;
        }
      }
      int rows = (int) Math.min(batchSize, rowsLeftInRowGroup);
      allocate(rows);
      for (FieldReader fieldReader : fieldReaders) {
        for (int row = 0; row < rows; row++) {
          fieldReader.read(row);
        }
      }
      root.setRowCount(rows);
      rememberDensities(rows);
      rowsLeftInRowGroup -= rows;
      return true;
    } catch (IOException | RuntimeException e) {
      throw HyggeException.home(
          "Cannot read Parquet file "
              + file
              + ": "
              + e.getMessage()
              + " (the file may be corrupt or truncated; rewrite it)",
          e);
    }
  }

  /**
   * Allocates the root for {@code rows}, sizing variable-width data buffers by the bytes per value
   * of the previous batch so they are not regrown value by value.
   */
  private void allocate(int rows) {
    List<FieldVector> vectors = root.getFieldVectors();
    for (int i = 0; i < vectors.size(); i++) {
      FieldVector vector = vectors.get(i);
      if (vector instanceof BaseVariableWidthVector variable && densities[i] > 0) {
        variable.setInitialCapacity(rows, densities[i]);
      } else {
        vector.setInitialCapacity(rows);
      }
      vector.allocateNew();
    }
  }

  private void rememberDensities(int rows) {
    List<FieldVector> vectors = root.getFieldVectors();
    for (int i = 0; i < vectors.size(); i++) {
      if (vectors.get(i) instanceof BaseVariableWidthVector variable) {
        long bytes =
            variable.getOffsetBuffer().getInt((long) rows * BaseVariableWidthVector.OFFSET_WIDTH);
        densities[i] = Math.max(1.0, (double) bytes / rows);
      }
    }
  }

  private boolean nextRowGroup() throws IOException {
    releasePages();
    pages = reader.readNextRowGroup();
    if (pages == null) {
      return false;
    }
    BlockMetaData block = reader.getRowGroups().get(rowGroup++);
    for (ColumnChunkMetaData chunk : block.getColumns()) {
      if (projectedPaths.contains(chunk.getPath().toDotString())) {
        bytesRead += chunk.getTotalSize();
      }
    }
    rowsLeftInRowGroup = pages.getRowCount();
    List<FieldReader> readers = new ArrayList<>();
    List<FieldVector> vectors = root.getFieldVectors();
    for (int i = 0; i < vectors.size(); i++) {
      readers.add(
          FieldReaders.create(vectors.get(i), projection.getType(i), path -> column(pages, path)));
    }
    fieldReaders = readers;
    return true;
  }

  private ColumnReader column(PageReadStore pages, List<String> path) {
    ColumnDescriptor descriptor = projection.getColumnDescription(path.toArray(new String[0]));
    return new ColumnReaderImpl(
        descriptor, pages.getPageReader(descriptor), UNUSED_CONVERTER, writerVersion);
  }

  /** The root holding the current batch; owned by this reader. */
  public VectorSchemaRoot root() {
    return root;
  }

  /** Compressed bytes of the column chunks read so far. */
  public long bytesRead() {
    return bytesRead;
  }

  /** The file's key-value metadata. */
  Map<String, String> keyValueMetadata() {
    return reader.getFooter().getFileMetaData().getKeyValueMetaData();
  }

  /** Frees the pages of the row group read last: its values were all copied into Arrow. */
  private void releasePages() {
    if (pages != null) {
      PageReadStore done = pages;
      pages = null;
      fieldReaders = List.of();
      done.close();
    }
  }

  /** Frees the root's buffers and closes the file. */
  @Override
  public void close() {
    try (NativeByteBufferAllocator freeing = buffers;
        ParquetFileReader closing = reader) {
      releasePages();
      root.close();
    } catch (IOException e) {
      throw HyggeException.home("Cannot close Parquet file " + file + ": " + e.getMessage(), e);
    }
  }

  private void closeOnFailure(RuntimeException failure) {
    try (NativeByteBufferAllocator freeing = buffers) {
      reader.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
