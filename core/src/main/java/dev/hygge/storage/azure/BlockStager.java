package dev.hygge.storage.azure;

import com.azure.storage.blob.specialized.BlockBlobClient;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stages the blocks of one upload, at most {@code maxConcurrency} at once on the store's executor,
 * and recycles their buffers: an upload holds at most {@code maxConcurrency + 1} buffers (one
 * filling, the others in flight). With a concurrency of 1 each block is staged in the caller's
 * thread. A failed block is reported by the next {@link #stage} or by {@link #awaitAll}.
 */
final class BlockStager {
  private final BlockBlobClient blob;
  private final Executor executor;
  private final int maxConcurrency;
  private final int blockSize;
  private final Semaphore inFlight;
  private final Deque<byte[]> free = new ArrayDeque<>();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private byte[] current;

  BlockStager(BlockBlobClient blob, Executor executor, int maxConcurrency, int blockSize) {
    this.blob = blob;
    this.executor = executor;
    this.maxConcurrency = maxConcurrency;
    this.blockSize = blockSize;
    this.inFlight = new Semaphore(maxConcurrency);
    this.current = new byte[blockSize];
  }

  /** The buffer to fill next. */
  byte[] buffer() {
    return current;
  }

  /**
   * Stages the first {@code length} bytes of {@link #buffer()} as block {@code id}, waiting while
   * {@code maxConcurrency} blocks are in flight; {@link #buffer()} is then a fresh buffer.
   *
   * @throws RuntimeException the failure of an earlier block, or of this one when staged in place
   * @throws InterruptedException when interrupted while waiting for a slot
   */
  void stage(String id, int length) throws InterruptedException {
    rethrowFailure();
    byte[] full = current;
    if (maxConcurrency == 1) {
      stageNow(id, full, length);
      return;
    }
    inFlight.acquire();
    executor.execute(
        () -> {
          try {
            stageNow(id, full, length);
          } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
          } finally {
            synchronized (free) {
              free.push(full);
            }
            inFlight.release();
          }
        });
    synchronized (free) {
      current = free.isEmpty() ? new byte[blockSize] : free.pop();
    }
  }

  /**
   * Waits until no block is in flight.
   *
   * @throws RuntimeException the first block that failed
   * @throws InterruptedException when interrupted while waiting
   */
  void awaitAll() throws InterruptedException {
    inFlight.acquire(maxConcurrency);
    inFlight.release(maxConcurrency);
    rethrowFailure();
  }

  private void stageNow(String id, byte[] bytes, int length) {
    // A ByteArrayInputStream supports mark/reset, so the client can resend it on a retry.
    blob.stageBlock(id, new ByteArrayInputStream(bytes, 0, length), length);
  }

  private void rethrowFailure() {
    RuntimeException failed = failure.get();
    if (failed != null) {
      throw failed;
    }
  }
}
