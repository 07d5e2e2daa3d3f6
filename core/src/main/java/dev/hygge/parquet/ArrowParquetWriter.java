package dev.hygge.parquet;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Arrow batches into one Parquet file, column by column, without per-row objects.
 *
 * <p>The Arrow schema is stored in the footer under {@code ARROW:schema}, as Arrow C++ does, so
 * readers restore exact Arrow types. The caller closes the writer; {@link #write} never takes
 * ownership of the batch.
 */
public final class ArrowParquetWriter implements AutoCloseable {
  /**
   * Rows written column by column before their records are ended: bounds how far a data page may
   * overshoot the page size and how far a row group may overshoot its size.
   */
  static final int ROWS_PER_CHUNK = 4096;

  /** Row groups are not padded to HDFS block boundaries: files are read whole or by range. */
  private static final int NO_PADDING = 0;

  private static final Logger LOG = LoggerFactory.getLogger(ArrowParquetWriter.class);

  private final String file;
  private final Schema schema;
  private final MessageType parquetSchema;
  private final List<ColumnDescriptor> columns;
  private final ParquetWriteOptions options;
  private final NativeByteBufferAllocator buffers = new NativeByteBufferAllocator();
  private final ParquetProperties properties;
  private final Set<ColumnDescriptor> plainColumns = new HashSet<>();
  private final CodecFactory codecs;
  private final BytesInputCompressor compressor;
  private final ParquetFileWriter fileWriter;
  private ColumnChunkPageWriteStore pageStore;
  private EncodingWatch encodings;
  private ColumnWriteStore columnStore;
  private long rowsInRowGroup;
  private long rowsWritten;
  private boolean closed;
  private boolean failed;

  /**
   * Creates the file and writes its header.
   *
   * @throws HyggeException of kind STORE when the file exists or cannot be created, or a column has
   *     a type Parquet cannot hold
   */
  public ArrowParquetWriter(Path file, Schema schema, ParquetWriteOptions options) {
    this(new FileChannelOutput(requireNonNull(file, "file is null")), schema, options);
  }

  /**
   * Creates the output file (local, or an object whose upload is published on {@link #close()}) and
   * writes its header.
   *
   * @throws HyggeException of kind STORE when the file exists or cannot be created, or a column has
   *     a type Parquet cannot hold
   */
  ArrowParquetWriter(OutputFile output, Schema schema, ParquetWriteOptions options) {
    this.file = requireNonNull(output, "output is null").getPath();
    this.schema = requireNonNull(schema, "schema is null");
    this.options = requireNonNull(options, "options is null");
    this.parquetSchema = ArrowToParquetSchema.convert(schema);
    this.columns = parquetSchema.getColumns();
    this.properties = properties(options, buffers, Set.of());
    this.codecs = new CodecFactory(new PlainParquetConfiguration(), options.pageSize());
    this.compressor = codecs.getCompressor(options.compression().codec());
    try {
      this.fileWriter =
          new ParquetFileWriter(
              output,
              parquetSchema,
              ParquetFileWriter.Mode.CREATE,
              options.rowGroupSize(),
              NO_PADDING,
              null,
              properties);
      fileWriter.start();
    } catch (FileAlreadyExistsException e) {
      codecs.release();
      buffers.close();
      throw HyggeException.store(
          "Cannot write Parquet file "
              + file
              + ": it already exists (remove it or pick a new name)",
          e);
    } catch (IOException e) {
      codecs.release();
      buffers.close();
      throw HyggeException.store("Cannot create Parquet file " + file + ": " + e.getMessage(), e);
    }
    startRowGroup();
  }

  /**
   * Dictionary encoding for every column but {@code plain}: the columns whose dictionary attempt
   * fell back to plain values in an earlier row group of this file. Each attempt hashes and buffers
   * up to a dictionary page of values and re-encodes them when it falls back; a column that had too
   * many distinct values for one row group is not expected to have few in the next.
   */
  private static ParquetProperties properties(
      ParquetWriteOptions options, NativeByteBufferAllocator buffers, Set<ColumnDescriptor> plain) {
    ParquetProperties.Builder builder =
        ParquetProperties.builder()
            .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
            .withPageSize(options.pageSize())
            .withDictionaryPageSize(options.pageSize())
            .withDictionaryEncoding(true)
            .withAllocator(buffers);
    for (ColumnDescriptor column : plain) {
      builder.withDictionaryEncoding(String.join(".", column.getPath()), false);
    }
    return builder.build();
  }

  /**
   * Appends a batch. Dictionary-encoded fields need {@link #write(VectorSchemaRoot,
   * DictionaryProvider)}.
   *
   * @throws HyggeException of kind STORE when writing fails
   */
  public void write(VectorSchemaRoot batch) {
    write(batch, null);
  }

  /**
   * Appends a batch whose dictionary-encoded fields are looked up in {@code dictionaries}; their
   * decoded values are written, and Parquet dictionary-encodes them itself.
   *
   * @throws HyggeException of kind STORE when writing fails
   */
  public void write(VectorSchemaRoot batch, DictionaryProvider dictionaries) {
    requireNonNull(batch, "batch is null");
    if (closed || failed) {
      throw new IllegalStateException(
          "writer for " + file + (closed ? " is closed" : " failed on an earlier batch"));
    }
    if (!batch.getSchema().getFields().equals(schema.getFields())) {
      throw new IllegalArgumentException(
          "batch schema " + batch.getSchema() + " differs from writer schema " + schema);
    }
    List<FieldVector> decoded = new ArrayList<>();
    try {
      List<FieldVector> vectors = new ArrayList<>(batch.getFieldVectors().size());
      for (FieldVector vector : batch.getFieldVectors()) {
        DictionaryEncoding encoding = vector.getField().getDictionary();
        if (encoding == null) {
          vectors.add(vector);
        } else {
          FieldVector values = decode(vector, encoding, dictionaries);
          decoded.add(values);
          vectors.add(values);
        }
      }
      writeRowsOrFail(vectors, batch.getRowCount());
    } finally {
      decoded.forEach(FieldVector::close);
    }
  }

  private FieldVector decode(
      FieldVector indices, DictionaryEncoding encoding, DictionaryProvider dictionaries) {
    Dictionary dictionary = dictionaries == null ? null : dictionaries.lookup(encoding.getId());
    if (dictionary == null) {
      throw new IllegalArgumentException(
          "column '"
              + indices.getField().getName()
              + "' is dictionary-encoded: pass the DictionaryProvider holding dictionary "
              + encoding.getId());
    }
    return (FieldVector) DictionaryEncoder.decode(indices, dictionary);
  }

  /** Writes rows; any failure leaves buffered rows incomplete, so the writer is failed. */
  private void writeRowsOrFail(List<FieldVector> vectors, int rowCount) {
    try {
      writeRows(vectors, rowCount);
    } catch (IOException e) {
      failed = true;
      throw failure(e);
    } catch (RuntimeException e) {
      failed = true;
      throw e;
    }
  }

  private void writeRows(List<FieldVector> vectors, int rowCount) throws IOException {
    for (int from = 0; from < rowCount; from += ROWS_PER_CHUNK) {
      int to = Math.min(rowCount, from + ROWS_PER_CHUNK);
      for (FieldWriter writer : FieldWriters.create(vectors, columns, columnStore)) {
        writer.writeRows(from, to);
      }
      for (int row = from; row < to; row++) {
        columnStore.endRecord();
      }
      rowsInRowGroup += to - from;
      rowsWritten += to - from;
      if (columnStore.getBufferedSize() >= options.rowGroupSize()) {
        flushRowGroup();
        startRowGroup();
      }
    }
  }

  private void startRowGroup() {
    pageStore =
        new ColumnChunkPageWriteStore(
            compressor,
            parquetSchema,
            properties.getAllocator(),
            properties.getColumnIndexTruncateLength(),
            properties.getPageWriteChecksumEnabled());
    encodings = new EncodingWatch(pageStore);
    ParquetProperties rowGroupProperties =
        plainColumns.isEmpty() ? properties : properties(options, buffers, plainColumns);
    columnStore = rowGroupProperties.newColumnWriteStore(parquetSchema, encodings, pageStore);
    rowsInRowGroup = 0;
  }

  private void flushRowGroup() throws IOException {
    try {
      if (rowsInRowGroup > 0) {
        fileWriter.startBlock(rowsInRowGroup);
        columnStore.flush();
        pageStore.flushToFileWriter(fileWriter);
        fileWriter.endBlock();
        plainColumns.addAll(encodings.plainColumns());
      }
    } finally {
      columnStore.close();
      pageStore.close();
    }
  }

  /** Rows written so far. */
  public long rowsWritten() {
    return rowsWritten;
  }

  /** Bytes on disk so far plus the buffered, not yet flushed row group (before compression). */
  public long bytesWritten() {
    try {
      return fileWriter.getPos() + (closed ? 0 : columnStore.getBufferedSize());
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /** The Parquet schema this writer writes. */
  MessageType parquetSchema() {
    return parquetSchema;
  }

  /**
   * Flushes the last row group and writes the footer. After a failed {@link #write} it only
   * releases resources: the file stays incomplete, without a footer.
   *
   * @throws HyggeException of kind STORE naming the file when the file cannot be completed
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (failed) {
      abandon();
      return;
    }
    try {
      flushRowGroup();
      fileWriter.end(Map.of(ArrowSchemaMetadata.KEY, ArrowSchemaMetadata.encode(schema)));
    } catch (IOException | RuntimeException e) {
      fileWriter.abort();
      HyggeException failure = failure(e);
      try {
        fileWriter.close();
      } catch (IOException closing) {
        failure.addSuppressed(closing);
      }
      throw failure;
    } finally {
      codecs.release();
      buffers.close();
    }
  }

  /**
   * Releases everything of a writer whose write failed, leaving the incomplete file without a
   * footer: the failure was already reported, and the caller (a store's staging) removes the file.
   */
  private void abandon() {
    fileWriter.abort();
    try {
      // The column store is not closed: closing flushes, and its buffered rows are incomplete.
      pageStore.close();
      fileWriter.close();
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not release Parquet file {} after a failed write", file, e);
    } finally {
      codecs.release();
      buffers.close();
    }
  }

  private HyggeException failure(Exception e) {
    return HyggeException.store(
        "Cannot write Parquet file "
            + file
            + ": "
            + e.getMessage()
            + " (check disk space and permissions)",
        e);
  }
}
