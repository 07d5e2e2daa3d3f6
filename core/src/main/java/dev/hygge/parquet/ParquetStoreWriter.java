package dev.hygge.parquet;

import dev.hygge.HyggeException;
import dev.hygge.flow.BatchReader;
import dev.hygge.flow.CommitResult;
import dev.hygge.flow.DirectCopy;
import dev.hygge.flow.StoreWriter;
import dev.hygge.flow.WriteRequest;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.io.OutputFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stages one entity's batches as Parquet files, rolling to a new file at the target size. */
final class ParquetStoreWriter implements StoreWriter, DirectCopy {
  private static final Logger LOG = LoggerFactory.getLogger(ParquetStoreWriter.class);

  private final PartStaging staging;
  private final WriteRequest request;
  private final ParquetWriteOptions options;
  private final long targetFileSize;
  private final RowGroups rowGroups;
  private ArrowParquetWriter current;
  private int files;
  private long closedBytes;
  private boolean finished;

  ParquetStoreWriter(
      PartStaging staging,
      WriteRequest request,
      ParquetWriteOptions options,
      long targetFileSize,
      RowGroups rowGroups) {
    this.staging = staging;
    this.request = request;
    this.options = options;
    this.targetFileSize = targetFileSize;
    this.rowGroups = rowGroups;
  }

  @Override
  public void write(VectorSchemaRoot batch) {
    if (batch.getRowCount() == 0) {
      return;
    }
    if (current == null) {
      current = newFile();
    }
    current.write(batch);
    if (current.bytesWritten() >= targetFileSize) {
      closeCurrent();
    }
  }

  /** Whether Parquet row groups may be copied as they are when nothing needs converting. */
  enum RowGroups {
    COPY_WHEN_POSSIBLE,
    ALWAYS_REWRITE
  }

  @Override
  public OptionalLong copyFrom(BatchReader reader, Progress progress) {
    if (rowGroups == RowGroups.ALWAYS_REWRITE
        || files > 0
        || !(reader instanceof ParquetBatchReader parquet)) {
      return OptionalLong.empty();
    }
    Optional<RowGroupCopier> copier = RowGroupCopier.plan(parquet, options.compression());
    if (copier.isEmpty()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(copier.get().copy(this::nextStagedFile, targetFileSize, progress));
  }

  private OutputFile nextStagedFile() {
    files++;
    return staging.file(String.format("file-%06d.parquet", files));
  }

  private ArrowParquetWriter newFile() {
    return new ArrowParquetWriter(nextStagedFile(), request.schema(), options);
  }

  private void closeCurrent() {
    ArrowParquetWriter writer = current;
    current = null;
    writer.close();
    closedBytes += writer.bytesWritten();
  }

  @Override
  public CommitResult commit() {
    if (finished) {
      throw new IllegalStateException("entity " + request.entity() + " already committed");
    }
    if (current == null && files == 0) {
      // An empty entity still gets one file, so readers see its schema.
      current = newFile();
    }
    if (current != null) {
      closeCurrent();
    }
    CommitResult result = staging.publish(request.mode());
    finished = true;
    return result;
  }

  @Override
  public void abort() {
    if (finished) {
      return;
    }
    finished = true;
    RuntimeException closeFailure = null;
    if (current != null) {
      try {
        current.close();
      } catch (RuntimeException e) {
        closeFailure = e;
      }
      current = null;
    }
    try {
      staging.discard();
    } catch (HyggeException e) {
      if (closeFailure != null) {
        e.addSuppressed(closeFailure);
      }
      throw e;
    }
    if (closeFailure != null) {
      LOG.debug("Entity {}: closing the aborted file failed", request.entity(), closeFailure);
    }
  }

  @Override
  public long bytesWritten() {
    return closedBytes + (current == null ? 0 : current.bytesWritten());
  }

  @Override
  public void close() {
    try (PartStaging closing = staging) {
      if (!finished) {
        abort();
      }
    }
  }
}
