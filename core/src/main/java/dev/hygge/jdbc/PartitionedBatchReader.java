package dev.hygge.jdbc;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import dev.hygge.flow.BatchReader;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Reads several partitions at once, one thread and one reader (with its own connection) each, and
 * hands their batches out one at a time through a bounded queue. Batch order across partitions is
 * not defined.
 */
public final class PartitionedBatchReader implements BatchReader {
  /** Batches each partition may have read ahead of the consumer. */
  private static final int QUEUED_BATCHES_PER_PARTITION = 2;

  private final String entity;
  private final List<BatchReader> partitions;
  private final BufferAllocator allocator;
  private final VectorSchemaRoot root;
  private final BatchQueue queue;
  private final ExecutorService threads;
  private final List<Future<?>> reads = new ArrayList<>();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private final AtomicInteger running;
  private final AtomicLong bytes = new AtomicLong();

  /**
   * Starts reading every partition; the reader now owns them and closes them.
   *
   * @param partitions open readers of the same schema
   */
  public PartitionedBatchReader(
      String entity, List<BatchReader> partitions, BufferAllocator allocator) {
    this.entity = requireNonNull(entity, "entity is null");
    this.partitions = List.copyOf(partitions);
    this.allocator = requireNonNull(allocator, "allocator is null");
    Schema schema = this.partitions.get(0).schema();
    this.root = VectorSchemaRoot.create(schema, allocator);
    this.queue = new BatchQueue(this.partitions.size() * QUEUED_BATCHES_PER_PARTITION);
    this.running = new AtomicInteger(this.partitions.size());
    this.threads =
        Executors.newFixedThreadPool(
            this.partitions.size(),
            runnable -> {
              Thread thread = new Thread(runnable, "hygge-read " + entity);
              thread.setDaemon(true);
              return thread;
            });
    for (BatchReader partition : this.partitions) {
      reads.add(threads.submit(() -> read(partition)));
    }
  }

  private void read(BatchReader partition) {
    try {
      while (failure.get() == null && partition.loadNextBatch()) {
        VectorSchemaRoot moved = moveOut(partition.root());
        for (FieldVector vector : moved.getFieldVectors()) {
          bytes.addAndGet(vector.getBufferSize());
        }
        if (!queue.put(moved, () -> failure.get() != null)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(HyggeException.home("Reading entity " + entity + " was interrupted", e));
    } catch (RuntimeException e) {
      fail(e);
    } finally {
      if (running.decrementAndGet() == 0) {
        queue.finish();
      }
    }
  }

  /**
   * Moves the batch's buffers into a new root, without copying: a reader fills its root afresh on
   * every {@code loadNextBatch} (as the flow also moves batches out of a reader's root).
   */
  private VectorSchemaRoot moveOut(VectorSchemaRoot batch) {
    List<FieldVector> moved = new ArrayList<>(batch.getFieldVectors().size());
    for (FieldVector vector : batch.getFieldVectors()) {
      TransferPair transfer = vector.getTransferPair(allocator);
      transfer.transfer();
      moved.add((FieldVector) transfer.getTo());
    }
    return new VectorSchemaRoot(batch.getSchema().getFields(), moved, batch.getRowCount());
  }

  private void fail(RuntimeException e) {
    if (failure.compareAndSet(null, e)) {
      queue.cancel();
    }
  }

  @Override
  public Schema schema() {
    return root.getSchema();
  }

  @Override
  public boolean loadNextBatch() {
    VectorSchemaRoot next;
    try {
      next = queue.take();
    } catch (SQLException e) {
      RuntimeException failed = failure.get();
      throw failed != null
          ? failed
          : HyggeException.home("Reading entity " + entity + " stopped: " + e.getMessage(), e);
    }
    if (next == null) {
      root.setRowCount(0);
      return false;
    }
    try (next) {
      for (int i = 0; i < next.getFieldVectors().size(); i++) {
        next.getVector(i).makeTransferPair(root.getVector(i)).transfer();
      }
      root.setRowCount(next.getRowCount());
    }
    return true;
  }

  @Override
  public VectorSchemaRoot root() {
    return root;
  }

  @Override
  public long bytesRead() {
    return bytes.get();
  }

  @Override
  public int filesRead() {
    return partitions.size();
  }

  @Override
  public void close() {
    fail(HyggeException.home("Reading entity " + entity + " was closed", null));
    threads.shutdown();
    RuntimeException closeFailure = null;
    for (Future<?> read : reads) {
      try {
        read.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (java.util.concurrent.ExecutionException e) {
        // read() catches everything; an ExecutionException here would be a bug worth surfacing.
        closeFailure = new IllegalStateException(e.getCause());
      }
    }
    queue.cancel();
    for (BatchReader partition : partitions) {
      try {
        partition.close();
      } catch (RuntimeException e) {
        if (closeFailure == null) {
          closeFailure = e;
        } else {
          closeFailure.addSuppressed(e);
        }
      }
    }
    root.close();
    if (closeFailure != null) {
      throw closeFailure;
    }
  }
}
