package dev.hygge.storage;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends the parts of one upload (S3 multipart parts, Azure blocks), at most {@code maxConcurrency}
 * at once on the store's executor, and recycles their buffers: an upload holds at most {@code
 * maxConcurrency + 1} buffers (one filling, the others in flight), so memory stays flat for any
 * object size. With a concurrency of 1 each part is sent in the caller's thread. A failed part is
 * reported by the next {@link #send} or by {@link #awaitAll}.
 */
public final class PartUploads {
  /** Sends one part; called from the executor's threads, so it must be thread-safe. */
  @FunctionalInterface
  public interface PartSender {
    /**
     * Sends the first {@code length} bytes of {@code bytes} as the part {@code key}. The bytes stay
     * untouched until this returns, so a retry may read them again.
     */
    void send(String key, byte[] bytes, int length);
  }

  private final PartSender sender;
  private final Executor executor;
  private final int maxConcurrency;
  private final int partSize;
  private final Semaphore inFlight;
  private final Deque<byte[]> free = new ArrayDeque<>();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private byte[] current;

  public PartUploads(PartSender sender, Executor executor, int maxConcurrency, int partSize) {
    this.sender = requireNonNull(sender, "sender is null");
    this.executor = requireNonNull(executor, "executor is null");
    if (maxConcurrency < 1 || partSize < 1) {
      throw new IllegalArgumentException(
          "maxConcurrency and partSize must be positive: " + maxConcurrency + ", " + partSize);
    }
    this.maxConcurrency = maxConcurrency;
    this.partSize = partSize;
    this.inFlight = new Semaphore(maxConcurrency);
    this.current = new byte[partSize];
  }

  /** The buffer to fill next. */
  public byte[] buffer() {
    return current;
  }

  /**
   * Sends the first {@code length} bytes of {@link #buffer()} as part {@code key}, waiting while
   * {@code maxConcurrency} parts are in flight; {@link #buffer()} is then a fresh buffer.
   *
   * @throws RuntimeException the failure of an earlier part, or of this one when sent in place
   * @throws InterruptedException when interrupted while waiting for a slot
   */
  public void send(String key, int length) throws InterruptedException {
    rethrowFailure();
    byte[] full = current;
    if (maxConcurrency == 1) {
      sender.send(key, full, length);
      return;
    }
    inFlight.acquire();
    executor.execute(
        () -> {
          try {
            sender.send(key, full, length);
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
      current = free.isEmpty() ? new byte[partSize] : free.pop();
    }
  }

  /**
   * Waits until no part is in flight.
   *
   * @throws RuntimeException the first part that failed
   * @throws InterruptedException when interrupted while waiting
   */
  public void awaitAll() throws InterruptedException {
    inFlight.acquire(maxConcurrency);
    inFlight.release(maxConcurrency);
    rethrowFailure();
  }

  private void rethrowFailure() {
    RuntimeException failed = failure.get();
    if (failed != null) {
      throw failed;
    }
  }
}
