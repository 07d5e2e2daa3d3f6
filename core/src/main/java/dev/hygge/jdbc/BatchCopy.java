package dev.hygge.jdbc;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.VectorSchemaRootAppender;

/** Deep copies of batches, for handing a batch that is only borrowed to another thread. */
public final class BatchCopy {
  private BatchCopy() {}

  /** A copy of {@code batch} in {@code allocator}, which the caller owns and closes. */
  public static VectorSchemaRoot of(VectorSchemaRoot batch, BufferAllocator allocator) {
    VectorSchemaRoot copy = VectorSchemaRoot.create(batch.getSchema(), allocator);
    try {
      for (FieldVector vector : copy.getFieldVectors()) {
        vector.setInitialCapacity(batch.getRowCount());
        vector.allocateNew();
      }
      VectorSchemaRootAppender.append(copy, batch);
      return copy;
    } catch (RuntimeException e) {
      copy.close();
      throw e;
    }
  }
}
