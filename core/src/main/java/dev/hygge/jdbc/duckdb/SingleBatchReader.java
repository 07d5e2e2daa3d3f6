package dev.hygge.jdbc.duckdb;

import static java.util.Objects.requireNonNull;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * An {@link ArrowReader} over one borrowed batch, for exporting it as a C stream. The batch's
 * buffers are shared (reference-counted), not copied; the caller keeps owning the batch.
 */
final class SingleBatchReader extends ArrowReader {
  private final VectorSchemaRoot batch;
  private boolean loaded;

  SingleBatchReader(BufferAllocator allocator, VectorSchemaRoot batch) {
    super(allocator);
    this.batch = requireNonNull(batch, "batch is null");
  }

  @Override
  public boolean loadNextBatch() throws java.io.IOException {
    if (loaded) {
      return false;
    }
    loaded = true;
    try (ArrowRecordBatch shared = new VectorUnloader(batch).getRecordBatch()) {
      new VectorLoader(getVectorSchemaRoot()).load(shared);
    }
    return true;
  }

  @Override
  public long bytesRead() {
    return 0;
  }

  @Override
  protected void closeReadSource() {
    // The batch belongs to the caller.
  }

  @Override
  protected Schema readSchema() {
    return batch.getSchema();
  }
}
