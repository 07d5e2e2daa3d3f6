package dev.hygge.jdbc;

import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A bounded queue of copied batches between threads (parallel bulk loads, parallel partition
 * reads): producers put, consumers take, so memory stays at most {@code capacity} batches whatever
 * the entity's size. After {@link #finish()} every taker gets null once the queue is empty; after
 * {@link #cancel()} takers fail and what was queued is closed.
 */
public final class BatchQueue implements BatchSource {
  /** How long a blocked put or take waits before checking for cancellation again. */
  private static final long POLL_MILLIS = 100;

  private final BlockingQueue<VectorSchemaRoot> batches;
  private volatile boolean finished;
  private volatile boolean cancelled;

  /** An empty queue holding at most {@code capacity} batches. */
  public BatchQueue(int capacity) {
    this.batches = new ArrayBlockingQueue<>(capacity);
  }

  /**
   * Queues {@code batch}, which the queue now owns, waiting while it is full.
   *
   * @param stop says the loads have failed, so nobody will take the batch any more
   * @return false (and the batch closed) when {@code stop} turned true or the queue was cancelled
   */
  public boolean put(VectorSchemaRoot batch, BooleanSupplier stop) throws InterruptedException {
    while (!cancelled && !stop.getAsBoolean()) {
      if (batches.offer(batch, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        if (cancelled) {
          cancel(); // a cancel that drained the queue just before this offer must not leak it
          return false;
        }
        return true;
      }
    }
    batch.close();
    return false;
  }

  /** No more batches will come: takers get null once the queue is empty. */
  public void finish() {
    finished = true;
  }

  /** Stops every taker and closes what is still queued. */
  public void cancel() {
    cancelled = true;
    VectorSchemaRoot left;
    while ((left = batches.poll()) != null) {
      left.close();
    }
  }

  @Override
  public VectorSchemaRoot take() throws SQLException {
    try {
      while (!cancelled) {
        VectorSchemaRoot batch = batches.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (batch != null) {
          if (cancelled) {
            batch.close();
            break;
          }
          return batch;
        }
        if (finished && batches.isEmpty()) {
          return null;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("waiting for a batch was interrupted", e);
    }
    throw new SQLException("the batches were cancelled");
  }
}
