package dev.hygge.flow;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.EntityConfig;
import dev.hygge.invoke.RunListener;
import dev.hygge.state.EntityStateStep;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one entity's batches: the reader runs on its own thread and hands batches to the writer
 * through a bounded {@link BatchQueue}, so reading and writing overlap and memory stays flat. The
 * store commits when every batch was written, or, with a {@link BudgetStop}, when the run stops
 * early at the time budget; any failure aborts it.
 */
final class BatchPump {
  private static final Logger LOG = LoggerFactory.getLogger(BatchPump.class);
  private static final long READER_STOP_POLL_MILLIS = 50;

  private final EntityConfig entity;
  private final RunListener listener;
  private final EntityStateStep state;
  private final Optional<BudgetStop> stop;

  /**
   * @param state sees every batch written
   * @param stop where a watermark entity may stop early under a time budget; empty to read to the
   *     end
   */
  BatchPump(
      EntityConfig entity, RunListener listener, EntityStateStep state, Optional<BudgetStop> stop) {
    this.entity = requireNonNull(entity, "entity is null");
    this.listener = requireNonNull(listener, "listener is null");
    this.state = requireNonNull(state, "state is null");
    this.stop = requireNonNull(stop, "stop is null");
  }

  /** Runs the reader thread, writes what it hands over and commits; closes the reader always. */
  Moved pump(BatchReader reader, StoreWriter writer, BufferAllocator allocator) {
    BatchQueue queue = new BatchQueue(entity.queueDepth());
    AtomicReference<RuntimeException> readFailure = new AtomicReference<>();
    AtomicBoolean cancelled = new AtomicBoolean();
    Thread readerThread =
        new Thread(
            () -> read(reader, queue, allocator, readFailure, cancelled),
            entity.qualifiedName() + ":read");
    readerThread.setDaemon(true);
    readerThread.start();
    long rows = 0;
    try {
      Optional<VectorSchemaRoot> next = queue.take();
      while (next.isPresent()) {
        try (VectorSchemaRoot batch = next.get()) {
          writer.write(batch);
          state.observe(batch);
          rows += batch.getRowCount();
        }
        listener.progress(entity.flow(), entity.name(), rows, writer.bytesWritten());
        next = queue.take();
        if (next.isPresent() && stopsBefore(next.get())) {
          next.get().close();
          stopEarly(readerThread, queue, cancelled, readFailure, rows);
          return new Moved(rows, writer.commit(), Moved.Stop.TIME_BUDGET);
        }
      }
      RuntimeException failure = readFailure.get();
      if (failure != null) {
        throw failure;
      }
      return Moved.complete(rows, writer.commit());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HyggeException(ErrorKind.INTERNAL, "Interrupted while moving data", e);
    } catch (RuntimeException e) {
      writer.abort();
      throw e;
    } finally {
      stopReader(readerThread, queue, cancelled);
    }
  }

  /** Whether the run stops before {@code next}; closes {@code next} when deciding fails. */
  private boolean stopsBefore(VectorSchemaRoot next) {
    try {
      return stop.isPresent() && stop.get().before(next);
    } catch (RuntimeException e) {
      next.close();
      throw e;
    }
  }

  /**
   * Stops the reader before the commit, so the home's connection is closed while the store
   * publishes. Rows past the stop are not written: a failure reading them concerns only the
   * continuation, which reads them again.
   */
  private void stopEarly(
      Thread readerThread,
      BatchQueue queue,
      AtomicBoolean cancelled,
      AtomicReference<RuntimeException> readFailure,
      long rows) {
    stopReader(readerThread, queue, cancelled);
    LOG.info(
        "Entity {}: stopping at the time budget after {} rows ({} batches), between two watermark"
            + " values; a continuation reads the rest",
        entity.qualifiedName(),
        rows,
        stop.orElseThrow().batches());
    RuntimeException failure = readFailure.get();
    if (failure != null) {
      LOG.warn(
          "Entity {}: reading past the stop at the time budget failed; the rows written are"
              + " committed and a continuation reads the rest again: {}",
          entity.qualifiedName(),
          failure.getMessage(),
          failure);
    }
  }

  private static void read(
      BatchReader reader,
      BatchQueue queue,
      BufferAllocator allocator,
      AtomicReference<RuntimeException> failure,
      AtomicBoolean cancelled) {
    try (reader) {
      while (!cancelled.get() && reader.loadNextBatch()) {
        queue.put(reader.root(), allocator);
      }
    } catch (InterruptedException e) {
      return;
    } catch (RuntimeException e) {
      failure.set(e);
    } catch (OutOfMemoryError e) {
      failure.set(outOfMemory(e));
    }
    try {
      if (!cancelled.get()) {
        queue.finish();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void stopReader(Thread readerThread, BatchQueue queue, AtomicBoolean cancelled) {
    cancelled.set(true);
    readerThread.interrupt();
    boolean interrupted = false;
    while (readerThread.isAlive()) {
      queue.drain();
      try {
        readerThread.join(READER_STOP_POLL_MILLIS);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    queue.drain();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The failure for a run out of Java heap, saying which settings lower the memory it takes. */
  static HyggeException outOfMemory(OutOfMemoryError e) {
    return new HyggeException(
        ErrorKind.INTERNAL,
        "Ran out of Java heap memory. Give hygge more memory (e.g. HYGGE_JAVA_OPTS=\"-Xmx4g\"), or lower"
            + " batch_size, queue_depth, the store's row_group_size or options.concurrency.",
        e);
  }
}
