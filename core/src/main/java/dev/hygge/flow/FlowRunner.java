package dev.hygge.flow;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.EntityConfig;
import dev.hygge.config.RunType;
import dev.hygge.invoke.Disposition;
import dev.hygge.invoke.EntityReport;
import dev.hygge.invoke.EntityStatus;
import dev.hygge.invoke.RunListener;
import dev.hygge.state.EntityStateStep;
import dev.hygge.state.EntityStates;
import dev.hygge.storage.CreatedObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one entity from its home to its store: the reader runs on its own thread and hands batches
 * to the writer through a bounded queue, so reading and writing overlap and memory stays flat. The
 * store commits only when every batch was written; any failure aborts it. Around the move, the
 * entity's {@link EntityStateStep} takes its lease, narrows the read to what is new (rows past the
 * watermark, files not in the journal), and advances the state only after the store committed.
 */
public final class FlowRunner {
  private static final String CREDENTIAL = "credential";
  private static final Logger LOG = LoggerFactory.getLogger(FlowRunner.class);
  private static final long READER_STOP_POLL_MILLIS = 50;

  private final BufferAllocator parent;
  private final RunListener listener;
  private final EntityStates states;

  /**
   * @param parent the run's allocator; each entity gets a child of it, closed at the end
   * @param listener receives progress
   * @param states leases, watermarks, journals and run history of the entities
   */
  public FlowRunner(BufferAllocator parent, RunListener listener, EntityStates states) {
    this.parent = requireNonNull(parent, "parent is null");
    this.listener = requireNonNull(listener, "listener is null");
    this.states = requireNonNull(states, "states is null");
  }

  /**
   * Runs one entity and reports how it went; never throws for a failure of the entity itself.
   *
   * @param runType the run type in force for this run (the entity's own, or a CLI override)
   */
  public EntityReport run(EntityConfig entity, RunType runType, String runId) {
    return run(entity, runType, runId, Optional.empty());
  }

  /**
   * Runs one entity for an object-created event (an incremental file entity reads just that
   * object), or as {@link #run(EntityConfig, RunType, String)} without one.
   */
  public EntityReport run(
      EntityConfig entity, RunType runType, String runId, Optional<CreatedObject> event) {
    return run(entity, runType, runId, event, Optional.empty());
  }

  /**
   * Runs one entity within a time budget: an incremental file entity commits a few objects at a
   * time and stops, {@link EntityStatus#INCOMPLETE}, when the next commit would end past the
   * budget.
   */
  public EntityReport run(
      EntityConfig entity,
      RunType runType,
      String runId,
      Optional<CreatedObject> event,
      Optional<TimeBudget> budget) {
    long start = System.nanoTime();
    Instant started = Instant.now();
    listener.entityStarted(
        entity.flow(), entity.name(), entity.home().describe(), entity.store().describe());
    Progress progress = new Progress();
    EntityReport report;
    EntityStateStep state =
        states.step(
            entity,
            runType,
            runId,
            event,
            budget.map(b -> OptionalInt.of(b.objectsPerCommit())).orElse(OptionalInt.empty()));
    Committed committed = new Committed();
    try (state) {
      state.begin();
      EntityStatus status = EntityStatus.SUCCESS;
      while (true) {
        long commitStart = System.nanoTime();
        CommitResult result = move(entity, runType, runId, progress, state);
        state.committed();
        committed.add(progress.rows, result);
        progress.rows = 0;
        if (state.remainingObjects() == 0) {
          break;
        }
        if (!budget.orElseThrow().allows(Duration.ofNanos(System.nanoTime() - commitStart))) {
          LOG.info(
              "Entity {}: stopping at the time budget with {} objects left for a continuation",
              entity.qualifiedName(),
              state.remainingObjects());
          status = EntityStatus.INCOMPLETE;
          break;
        }
      }
      report =
          new EntityReport(
              entity.flow(),
              entity.name(),
              status,
              committed.rows,
              committed.bytes,
              committed.files,
              Duration.ofNanos(System.nanoTime() - start),
              Optional.empty(),
              Optional.empty());
    } catch (RuntimeException | OutOfMemoryError e) {
      HyggeException failure = describe(entity, e);
      LOG.debug("Entity {} failed", entity.qualifiedName(), e);
      report =
          new EntityReport(
              entity.flow(),
              entity.name(),
              EntityStatus.FAILED,
              committed.rows,
              committed.bytes,
              committed.files,
              Duration.ofNanos(System.nanoTime() - start),
              Optional.of(failure.kind()),
              Optional.of(failure.getMessage()),
              Disposition.of(failure) == Disposition.RETRYABLE);
    }
    states.record(runId, started, report, state.marks());
    listener.entityFinished(report);
    return report;
  }

  private CommitResult move(
      EntityConfig entity,
      RunType runType,
      String runId,
      Progress progress,
      EntityStateStep state) {
    String name = entity.qualifiedName();
    try (BufferAllocator allocator = parent.newChildAllocator(name, 0, Long.MAX_VALUE)) {
      Optional<BatchReader> opened =
          state.open(new ReadRequest(name, entity.columns(), entity.batchSize(), allocator));
      if (opened.isEmpty()) {
        LOG.info("Entity {}: nothing new to load", name);
        return new CommitResult(0, 0);
      }
      BatchReader reader = opened.get();
      try (StoreWriter writer = openWriter(entity, runType, runId, reader, allocator)) {
        if (!state.observesBatches()) {
          Optional<CommitResult> copied = copyDirectly(entity, reader, writer, progress);
          if (copied.isPresent()) {
            return copied.get();
          }
        }
        return pump(entity, reader, writer, allocator, progress, state);
      }
    }
  }

  private static StoreWriter openWriter(
      EntityConfig entity,
      RunType runType,
      String runId,
      BatchReader reader,
      BufferAllocator allocator) {
    try {
      return entity
          .store()
          .open(
              new WriteRequest(
                  entity.qualifiedName(), reader.schema(), runId, runType.writeMode(), allocator));
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /**
   * Lets a store that can take the home's data as it is encoded copy it (see {@link DirectCopy}).
   * Closes the reader when it copied; leaves it untouched otherwise.
   */
  private Optional<CommitResult> copyDirectly(
      EntityConfig entity, BatchReader reader, StoreWriter writer, Progress progress) {
    if (!(writer instanceof DirectCopy direct)) {
      return Optional.empty();
    }
    java.util.OptionalLong rows;
    try {
      rows =
          direct.copyFrom(
              reader,
              (copiedRows, bytes) -> {
                progress.rows = copiedRows;
                listener.progress(entity.flow(), entity.name(), copiedRows, bytes);
              });
    } catch (RuntimeException e) {
      reader.close();
      writer.abort();
      throw e;
    }
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    reader.close();
    progress.rows = rows.getAsLong();
    LOG.debug("Entity {}: copied {} rows without decoding", entity.qualifiedName(), progress.rows);
    return Optional.of(writer.commit());
  }

  /** Runs the reader thread and writes what it hands over; closes the reader in all cases. */
  private CommitResult pump(
      EntityConfig entity,
      BatchReader reader,
      StoreWriter writer,
      BufferAllocator allocator,
      Progress progress,
      EntityStateStep state) {
    BatchQueue queue = new BatchQueue(entity.queueDepth());
    AtomicReference<RuntimeException> readFailure = new AtomicReference<>();
    AtomicBoolean cancelled = new AtomicBoolean();
    Thread readerThread =
        new Thread(
            () -> read(reader, queue, allocator, readFailure, cancelled),
            entity.qualifiedName() + ":read");
    readerThread.setDaemon(true);
    readerThread.start();
    try {
      while (true) {
        Optional<VectorSchemaRoot> next = queue.take();
        if (next.isEmpty()) {
          break;
        }
        try (VectorSchemaRoot batch = next.get()) {
          writer.write(batch);
          state.observe(batch);
          progress.rows += batch.getRowCount();
        }
        listener.progress(entity.flow(), entity.name(), progress.rows, writer.bytesWritten());
      }
      RuntimeException failure = readFailure.get();
      if (failure != null) {
        throw failure;
      }
      return writer.commit();
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

  private static HyggeException outOfMemory(OutOfMemoryError e) {
    return new HyggeException(
        ErrorKind.INTERNAL,
        "Ran out of Java heap memory. Give hygge more memory (e.g. HYGGE_JAVA_OPTS=\"-Xmx4g\"), or lower"
            + " batch_size, queue_depth, the store's row_group_size or options.concurrency.",
        e);
  }

  private static HyggeException describe(EntityConfig entity, Throwable e) {
    if (e instanceof HyggeException hygge) {
      return hygge.kind() == ErrorKind.CREDENTIAL ? withCredentials(entity, hygge) : hygge;
    }
    if (e instanceof OutOfMemoryError oom) {
      return outOfMemory(oom);
    }
    return new HyggeException(
        ErrorKind.INTERNAL,
        "Entity " + entity.qualifiedName() + " failed unexpectedly (a bug, please report): " + e,
        e);
  }

  /**
   * A credential failure with the named credentials the entity's home and store use, so the message
   * says which one to check (their values are never shown).
   */
  private static HyggeException withCredentials(EntityConfig entity, HyggeException failure) {
    List<String> used = new java.util.ArrayList<>();
    credentialOf(entity.homeSettings())
        .ifPresent(c -> used.add("its home uses credential '" + c + "'"));
    credentialOf(entity.storeSettings())
        .ifPresent(c -> used.add("its store uses credential '" + c + "'"));
    String chain =
        used.isEmpty()
            ? "Entity "
                + entity.qualifiedName()
                + " names no credential, so the cloud's default chain was used"
            : "Entity " + entity.qualifiedName() + ": " + String.join(", ", used);
    HyggeException named =
        new HyggeException(
            ErrorKind.CREDENTIAL,
            failure.getMessage() + " [" + chain + "; check it with 'hygge debug --credentials']",
            failure);
    return named;
  }

  private static Optional<String> credentialOf(dev.hygge.config.Settings settings) {
    return settings.declared().stream().anyMatch(s -> s.name().equals(CREDENTIAL))
            && settings.has(CREDENTIAL)
        ? Optional.of(settings.string(CREDENTIAL))
        : Optional.empty();
  }

  /** Rows moved so far; written by the writer thread only. */
  private static final class Progress {
    private long rows;
  }

  /** What the commits of one entity's run have committed (several only under a time budget). */
  private static final class Committed {
    private long rows;
    private long bytes;
    private int files;

    void add(long rows, CommitResult result) {
      this.rows += rows;
      this.bytes += result.bytes();
      this.files += result.files();
    }
  }
}
