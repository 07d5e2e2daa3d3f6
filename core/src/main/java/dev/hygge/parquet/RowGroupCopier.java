package dev.hygge.parquet;

import dev.hygge.HyggeException;
import dev.hygge.flow.DirectCopy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;

/**
 * Copies Parquet row groups into new Parquet files byte for byte, without decoding: possible when
 * every source file has the same Parquet schema, every column chunk already uses the store's codec,
 * and all columns are read. The copies get hygge's footer metadata ({@code ARROW:schema}); page
 * indexes are not carried over (readers do without them).
 */
final class RowGroupCopier {
  private static final int NO_PADDING = 0;

  private final List<Source> sources;
  private final MessageType parquetSchema;
  private final Schema arrowSchema;

  private RowGroupCopier(List<Source> sources, MessageType parquetSchema, Schema arrowSchema) {
    this.sources = sources;
    this.parquetSchema = parquetSchema;
    this.arrowSchema = arrowSchema;
  }

  /** One source file and its footer. */
  private record Source(ParquetSource file, ParquetMetadata footer) {}

  /**
   * A copier for the reader's files, or empty when they cannot be copied as they are: the reader
   * selects columns, the files' Parquet schemas differ, or a column chunk uses another codec.
   */
  static Optional<RowGroupCopier> plan(ParquetBatchReader reader, ParquetCompression codec) {
    if (!reader.untouched() || !reader.readsAllColumns()) {
      return Optional.empty();
    }
    CompressionCodecName wanted = codec.codec();
    List<Source> sources = new ArrayList<>();
    MessageType schema = null;
    for (ParquetSource file : reader.files()) {
      ParquetMetadata footer = footer(file, reader.entity());
      MessageType fileSchema = footer.getFileMetaData().getSchema();
      if (schema != null && !schema.equals(fileSchema)) {
        return Optional.empty();
      }
      schema = fileSchema;
      for (BlockMetaData block : footer.getBlocks()) {
        for (ColumnChunkMetaData chunk : block.getColumns()) {
          if (chunk.getCodec() != wanted) {
            return Optional.empty();
          }
        }
      }
      sources.add(new Source(file, footer));
    }
    return Optional.of(new RowGroupCopier(List.copyOf(sources), schema, reader.schema()));
  }

  private static ParquetMetadata footer(ParquetSource file, String entity) {
    try (ParquetFileReader reader = open(file)) {
      return reader.getFooter();
    } catch (IOException | RuntimeException e) {
      throw HyggeException.home(
          "Cannot read entity " + entity + ": cannot read Parquet file " + file + ": " + e, e);
    }
  }

  private static ParquetFileReader open(ParquetSource file) throws IOException {
    return ParquetFileReader.open(
        file.file(), ParquetReadOptions.builder(new PlainParquetConfiguration()).build());
  }

  /** Names the files the copy writes, in order. */
  interface FileNames {
    OutputFile next();
  }

  /**
   * Copies every row group into files named by {@code names}, starting a new file once one reaches
   * {@code targetFileSize} (between row groups).
   *
   * @return rows copied
   */
  long copy(FileNames names, long targetFileSize, DirectCopy.Progress progress) {
    long rows = 0;
    long bytes = 0;
    Target target = null;
    try {
      for (Source source : sources) {
        // The footer was read when the copy was planned: only the row groups' bytes are read now.
        try (SeekableInputStream in = source.file().file().newStream()) {
          for (BlockMetaData block : source.footer().getBlocks()) {
            if (target == null) {
              target = new Target(names.next());
            }
            target.writer.appendRowGroup(in, block, false);
            rows += block.getRowCount();
            bytes += block.getCompressedSize();
            progress.copied(rows, bytes);
            if (target.writer.getPos() >= targetFileSize) {
              target.finish(arrowSchema);
              target = null;
            }
          }
        }
      }
      if (target != null) {
        target.finish(arrowSchema);
        target = null;
      }
      return rows;
    } catch (IOException e) {
      throw HyggeException.store("Cannot copy Parquet row groups: " + e, e);
    } finally {
      if (target != null) {
        target.abandon();
      }
    }
  }

  /** A file being written by copying. */
  private final class Target {
    private final OutputFile file;
    private final ParquetFileWriter writer;

    Target(OutputFile file) throws IOException {
      this.file = file;
      this.writer =
          new ParquetFileWriter(
              file,
              parquetSchema,
              ParquetFileWriter.Mode.CREATE,
              ParquetWriteOptions.defaults().rowGroupSize(),
              NO_PADDING);
      writer.start();
    }

    void finish(Schema schema) throws IOException {
      writer.end(Map.of(ArrowSchemaMetadata.KEY, ArrowSchemaMetadata.encode(schema)));
    }

    void abandon() {
      try {
        writer.close();
      } catch (IOException e) {
        // The staged file is incomplete either way and the store's abort removes it.
        org.slf4j.LoggerFactory.getLogger(RowGroupCopier.class)
            .debug("Cannot close abandoned copy {}", file.getPath(), e);
      }
    }
  }
}
