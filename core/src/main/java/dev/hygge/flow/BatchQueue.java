package dev.hygge.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.TransferPair;

/**
 * The bounded hand-over between a flow's reader thread and its writer: batches are moved (not
 * copied) out of the reader's root, so memory stays at most {@code depth} batches whatever the
 * entity's size.
 */
final class BatchQueue {
  /** Marks the end of the stream. */
  private static final VectorSchemaRoot END = new VectorSchemaRoot(List.of(), List.of(), 0);

  private final BlockingQueue<VectorSchemaRoot> queue;

  BatchQueue(int depth) {
    this.queue = new ArrayBlockingQueue<>(depth);
  }

  /**
   * Moves the current contents of {@code root} into a new root owned by the queue, blocking while
   * the queue is full.
   */
  void put(VectorSchemaRoot root, BufferAllocator allocator) throws InterruptedException {
    List<FieldVector> moved = new ArrayList<>(root.getFieldVectors().size());
    for (FieldVector vector : root.getFieldVectors()) {
      TransferPair transfer = vector.getTransferPair(allocator);
      transfer.transfer();
      moved.add((FieldVector) transfer.getTo());
    }
    VectorSchemaRoot batch =
        new VectorSchemaRoot(root.getSchema().getFields(), moved, root.getRowCount());
    try {
      queue.put(batch);
    } catch (InterruptedException e) {
      batch.close();
      throw e;
    }
  }

  /** Signals the end of the stream. */
  void finish() throws InterruptedException {
    queue.put(END);
  }

  /** The next batch, owned by the caller (who closes it), or empty at the end of the stream. */
  java.util.Optional<VectorSchemaRoot> take() throws InterruptedException {
    VectorSchemaRoot batch = queue.take();
    return batch == END ? java.util.Optional.empty() : java.util.Optional.of(batch);
  }

  /** Closes every batch still queued, so their memory is freed after a failure. */
  void drain() {
    List<VectorSchemaRoot> left = new ArrayList<>();
    queue.drainTo(left);
    left.stream().filter(b -> b != END).forEach(VectorSchemaRoot::close);
  }
}
