package dev.hygge.jdbc.sqlserver;

import static java.util.Objects.requireNonNull;

import dev.hygge.jdbc.BatchCopy;
import dev.hygge.jdbc.BatchQueue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stages batches with several bulk loads running in parallel, each on its own connection, all
 * taking from one bounded {@link BatchQueue}. {@link #stage} copies the caller's batch (it is valid
 * only during the call) and queues the copy; {@link #finish} waits for every load. The first load
 * to fail stops the others, and its exception is what {@code stage} or {@code finish} throws.
 */
final class ParallelStager implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ParallelStager.class);

  /** Batches queued per load: one being loaded, one waiting, so no load starves. */
  static final int QUEUED_BATCHES_PER_LOAD = 2;

  private final BatchQueue queue;
  private final ExecutorService threads;
  private final List<Future<Long>> loads = new ArrayList<>();
  private final AtomicReference<SQLException> failure = new AtomicReference<>();
  private final BufferAllocator allocator;
  private boolean closed;

  /**
   * Starts one load per loader.
   *
   * @param names the column names, in order
   * @param types the column types, in order
   * @param loaders one per parallel load, each over its own connection
   * @param allocator where the copies of batches are allocated
   * @param threadName names the load threads, for thread dumps
   */
  ParallelStager(
      List<String> names,
      List<SqlServerType> types,
      List<BulkLoader> loaders,
      BufferAllocator allocator,
      String threadName) {
    requireNonNull(loaders, "loaders is null");
    this.allocator = requireNonNull(allocator, "allocator is null");
    this.queue = new BatchQueue(loaders.size() * QUEUED_BATCHES_PER_LOAD);
    this.threads =
        Executors.newFixedThreadPool(
            loaders.size(),
            runnable -> {
              Thread thread = new Thread(runnable, threadName);
              thread.setDaemon(true);
              return thread;
            });
    for (BulkLoader loader : loaders) {
      loads.add(threads.submit(() -> load(loader, names, types)));
    }
  }

  private long load(BulkLoader loader, List<String> names, List<SqlServerType> types)
      throws SQLException {
    try (ArrowBulkData data = new ArrowBulkData(names, types, queue)) {
      loader.load(data);
      return data.rows();
    } catch (SQLException | RuntimeException e) {
      SQLException failed = e instanceof SQLException s ? s : new SQLException(e.getMessage(), e);
      if (failure.compareAndSet(null, failed)) {
        queue.cancel();
      }
      throw failed;
    }
  }

  /**
   * Copies {@code batch} and queues the copy for the loads.
   *
   * @throws SQLException the first load's failure, once any load has failed
   */
  void stage(VectorSchemaRoot batch) throws SQLException {
    throwIfFailed();
    VectorSchemaRoot copy = BatchCopy.of(batch, allocator);
    try {
      if (!queue.put(copy, () -> failure.get() != null)) {
        throwIfFailed();
        throw new SQLException("the bulk loads were cancelled");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while queueing a batch", e);
    }
  }

  /**
   * Waits for every load to put its last rows into the staging table.
   *
   * @return the rows loaded
   * @throws SQLException the first load's failure
   */
  long finish() throws SQLException {
    queue.finish();
    long rows = 0;
    try {
      for (Future<Long> load : loads) {
        rows += result(load);
      }
    } catch (SQLException e) {
      SQLException first = failure.get();
      if (first != null && first != e) {
        first.addSuppressed(e);
        throw first;
      }
      throw e;
    }
    throwIfFailed();
    return rows;
  }

  private static <T> T result(Future<T> load) throws SQLException {
    try {
      return load.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a bulk load", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof SQLException s ? s : new SQLException(cause.getMessage(), cause);
    }
  }

  private void throwIfFailed() throws SQLException {
    SQLException failed = failure.get();
    if (failed != null) {
      throw failed;
    }
  }

  /** Cancels loads still running, waits for them and frees every queued batch. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    queue.cancel();
    threads.shutdown();
    for (Future<Long> load : loads) {
      try {
        load.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException e) {
        // Reported through stage or finish already, or caused by this very cancellation.
        LOG.debug("A bulk load ended with {} while being closed", e.getCause().toString());
      }
    }
    queue.cancel();
  }
}
