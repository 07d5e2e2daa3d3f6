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
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one entity from its home to its store: the reader runs on its own thread and hands batches
 * to the writer through a bounded queue ({@link BatchPump}), so reading and writing overlap and
 * memory stays flat. The store commits only when every batch was written (or, under a time budget,
 * at a safe boundary); any failure aborts it. Around the move, the entity's {@link EntityStateStep}
 * takes its lease, narrows the read to what is new (rows past the watermark, files not in the
 * journal), and advances the state only after the store committed.
 */
public final class FlowRunner {
  private static final String CREDENTIAL = "credential";
  private static final Logger LOG = LoggerFactory.getLogger(FlowRunner.class);

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
   * budget; an incremental watermark entity reads in the watermark's order and stops, {@link
   * EntityStatus#INCOMPLETE}, between two watermark values when the next batch would end past it
   * ({@link BudgetStop}), committing what it wrote and advancing the watermark to it.
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
    EntityReport report;
    EntityStateStep state = states.step(entity, runType, runId, event, budget);
    Committed committed = new Committed();
    try (state) {
      state.begin();
      EntityStatus status = EntityStatus.SUCCESS;
      while (true) {
        long commitStart = System.nanoTime();
        Moved moved = move(entity, runType, runId, state, budget);
        state.committed();
        committed.add(moved.rows(), moved.result());
        if (moved.stop() == Moved.Stop.TIME_BUDGET) {
          status = EntityStatus.INCOMPLETE;
          break;
        }
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

  private Moved move(
      EntityConfig entity,
      RunType runType,
      String runId,
      EntityStateStep state,
      Optional<TimeBudget> budget) {
    String name = entity.qualifiedName();
    try (BufferAllocator allocator = parent.newChildAllocator(name, 0, Long.MAX_VALUE)) {
      Optional<BatchReader> opened =
          state.open(new ReadRequest(name, entity.columns(), entity.batchSize(), allocator));
      if (opened.isEmpty()) {
        LOG.info("Entity {}: nothing new to load", name);
        return Moved.complete(0, new CommitResult(0, 0));
      }
      BatchReader reader = opened.get();
      try (StoreWriter writer = openWriter(entity, runType, runId, reader, allocator)) {
        if (!state.observesBatches()) {
          Optional<Moved> copied = copyDirectly(entity, reader, writer);
          if (copied.isPresent()) {
            return copied.get();
          }
        }
        Optional<BudgetStop> stop =
            state.stopsBetweenWatermarks()
                ? Optional.of(new BudgetStop(budget.orElseThrow(), state))
                : Optional.empty();
        return new BatchPump(entity, listener, state, stop).pump(reader, writer, allocator);
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
  private Optional<Moved> copyDirectly(
      EntityConfig entity, BatchReader reader, StoreWriter writer) {
    if (!(writer instanceof DirectCopy direct)) {
      return Optional.empty();
    }
    java.util.OptionalLong rows;
    try {
      rows =
          direct.copyFrom(
              reader,
              (copiedRows, bytes) ->
                  listener.progress(entity.flow(), entity.name(), copiedRows, bytes));
    } catch (RuntimeException e) {
      reader.close();
      writer.abort();
      throw e;
    }
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    reader.close();
    LOG.debug(
        "Entity {}: copied {} rows without decoding", entity.qualifiedName(), rows.getAsLong());
    return Optional.of(Moved.complete(rows.getAsLong(), writer.commit()));
  }

  private static HyggeException describe(EntityConfig entity, Throwable e) {
    if (e instanceof HyggeException hygge) {
      return hygge.kind() == ErrorKind.CREDENTIAL ? withCredentials(entity, hygge) : hygge;
    }
    if (e instanceof OutOfMemoryError oom) {
      return BatchPump.outOfMemory(oom);
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
