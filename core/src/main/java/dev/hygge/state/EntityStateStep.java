package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.EntityConfig;
import dev.hygge.config.RunType;
import dev.hygge.flow.BatchReader;
import dev.hygge.flow.ReadRequest;
import dev.hygge.flow.TimeBudget;
import dev.hygge.storage.CreatedObject;
import dev.hygge.storage.Location;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state around one entity's run: {@link #begin} takes the entity's lease and reads its state,
 * {@link #open} reads only what is new (rows past the watermark, objects not in the journal),
 * {@link #observe} tracks the highest watermark value written, {@link #committed} advances the
 * state after the store committed (commit, then advance), and {@link #close} gives the lease back.
 *
 * <p>Under a time budget, an incremental file entity takes a few objects per commit, and an
 * incremental watermark entity reads its rows in the order of the watermark column ({@link
 * #stopsBetweenWatermarks}), so the flow can stop between two values ({@link #endsBelow}).
 */
public final class EntityStateStep implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EntityStateStep.class);

  /** How often (in journal entries) an event run lists the home to compact the journal. */
  static final int LIST_FOR_COMPACTION_EVERY = 100;

  /** What state an entity keeps. */
  private enum Mode {
    NONE,
    WATERMARK,
    JOURNAL
  }

  private final EntityConfig entity;
  private final EntityKey key;
  private final boolean incremental;
  private final String runId;
  private final Mode mode;
  private final Optional<CreatedObject> event;
  private final OptionalInt objectsPerCommit;
  private final boolean budgeted;
  private final Leases leases;
  private final StateStore store;
  private final ScheduledExecutorService renewals;
  private final Clock clock;

  private WatermarkWindow window;
  private VersionedState held;
  private ScheduledFuture<?> renewal;
  private WatermarkTracker tracker;
  private List<ObjectVersion> selected = List.of();
  private List<ObjectVersion> pending;
  private Set<String> present = Set.of();
  private Optional<String> read = Optional.empty();
  private Optional<StoredWatermark> before = Optional.empty();
  private Optional<StoredWatermark> after = Optional.empty();
  private int loadedObjects;

  EntityStateStep(
      EntityConfig entity,
      RunType runType,
      String runId,
      Leases leases,
      StateStore store,
      ScheduledExecutorService renewals,
      Clock clock,
      Optional<CreatedObject> event,
      Optional<TimeBudget> budget) {
    this.entity = requireNonNull(entity, "entity is null");
    this.key = new EntityKey(entity.flow(), entity.name());
    this.incremental = requireNonNull(runType, "runType is null") == RunType.INCREMENTAL;
    this.runId = requireNonNull(runId, "runId is null");
    this.leases = requireNonNull(leases, "leases is null");
    this.store = requireNonNull(store, "store is null");
    this.renewals = requireNonNull(renewals, "renewals is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.mode = mode(entity, runType);
    this.event = requireNonNull(event, "event is null");
    this.budgeted = requireNonNull(budget, "budget is null").isPresent();
    this.objectsPerCommit =
        budget.map(b -> OptionalInt.of(b.objectsPerCommit())).orElse(OptionalInt.empty());
  }

  private static Mode mode(EntityConfig entity, RunType runType) {
    if (entity.watermark().isPresent()) {
      return Mode.WATERMARK;
    }
    boolean incrementalEntity =
        entity.runType() == RunType.INCREMENTAL || runType == RunType.INCREMENTAL;
    if (entity.home() instanceof SupportsObjectSelection && incrementalEntity) {
      return Mode.JOURNAL;
    }
    return Mode.NONE;
  }

  /** Whether the step must see every batch written ({@link #observe}). */
  public boolean observesBatches() {
    return mode == Mode.WATERMARK;
  }

  /**
   * Whether the flow may stop this run between two values of the watermark column: an incremental
   * watermark entity under a time budget, whose rows {@link #open} reads in the column's order.
   */
  public boolean stopsBetweenWatermarks() {
    return mode == Mode.WATERMARK && incremental && budgeted;
  }

  /**
   * Takes the entity's lease and reads its state; does nothing for an entity that keeps no state.
   *
   * @throws HyggeException of kind STATE when another run holds the entity, or its state is corrupt
   *     or was written for another watermark column
   */
  public void begin() {
    if (mode == Mode.NONE) {
      return;
    }
    held = leases.acquire(key, runId);
    before = held.state().watermark();
    after = before;
    if (mode == Mode.WATERMARK) {
      window =
          new WatermarkWindow(
              key, entity.watermark().orElseThrow(), entity.origin(), store.describe(key));
      window.check(before);
    }
    long every = leases.renewEvery().toMillis();
    renewal = renewals.scheduleAtFixedRate(this::renew, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Opens a reader over what this run takes from the home.
   *
   * @return empty when there is nothing new to read (every object is in the journal)
   */
  public Optional<BatchReader> open(ReadRequest request) {
    if (mode == Mode.WATERMARK) {
      SupportsWatermark home = (SupportsWatermark) entity.home();
      tracker = new WatermarkTracker(key.qualifiedName(), window.column());
      Optional<WatermarkFilter> filter =
          incremental ? window.filter(heldState().watermark(), home, request) : Optional.empty();
      read = filter.map(WatermarkFilter::describe);
      if (stopsBetweenWatermarks()) {
        read =
            Optional.of(
                read.map(r -> r + ", ").orElse("every row, ") + "in order of " + window.column());
        return Optional.of(home.openOrdered(request, window.column(), filter));
      }
      return Optional.of(
          filter.isPresent() ? home.open(request, filter.get()) : entity.home().open(request));
    }
    if (mode == Mode.JOURNAL) {
      SupportsObjectSelection home = (SupportsObjectSelection) entity.home();
      if (incremental && event.isPresent()) {
        return openCreated(home, request, event.get());
      }
      if (pending == null) {
        List<ObjectVersion> listed = home.objects(request);
        present = new HashSet<>(listed.stream().map(ObjectVersion::location).toList());
        pending = incremental ? heldState().journal().unloaded(listed) : listed;
        read =
            Optional.of(
                pending.size()
                    + " of "
                    + listed.size()
                    + (incremental ? " objects (new or changed)" : " objects (full reload)"));
        LOG.debug(
            "Entity {}: {} of {} objects are new or changed", key, pending.size(), listed.size());
      }
      int take =
          incremental && objectsPerCommit.isPresent()
              ? Math.min(objectsPerCommit.getAsInt(), pending.size())
              : pending.size();
      selected = List.copyOf(pending.subList(0, take));
      pending = List.copyOf(pending.subList(take, pending.size()));
      return selected.isEmpty() ? Optional.empty() : Optional.of(home.open(request, selected));
    }
    return Optional.of(entity.home().open(request));
  }

  /**
   * Reads just the object an object-created event names, unless this version of it was loaded
   * before (a repeated event) or it is gone. The journal keeps every entry while events come in;
   * every {@value #LIST_FOR_COMPACTION_EVERY} entries past {@link
   * ObjectJournal#RETAINED_ABSENT_ENTRIES} the home is listed so the journal compacts as a
   * scheduled run compacts it.
   */
  private Optional<BatchReader> openCreated(
      SupportsObjectSelection home, ReadRequest request, CreatedObject object) {
    Location located =
        home.locate(object)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "entity " + key + " does not read " + object.describe()));
    ObjectJournal journal = heldState().journal();
    int entries = journal.entries().size();
    present = new HashSet<>(journal.entries().stream().map(e -> e.object().location()).toList());
    present.add(located.toString());
    if (entries > ObjectJournal.RETAINED_ABSENT_ENTRIES
        && entries % LIST_FOR_COMPACTION_EVERY == 0) {
      present = new HashSet<>(home.objects(request).stream().map(ObjectVersion::location).toList());
    }
    Optional<ObjectVersion> current = home.current(request, located);
    if (current.isEmpty()) {
      read = Optional.of("object " + located + " is gone: nothing to load");
    } else if (journal.contains(current.get())) {
      read =
          Optional.of(
              "object " + located + " (version " + current.get().version() + ") was loaded before");
    } else {
      selected = List.of(current.get());
      read = Optional.of("object " + located + " (version " + current.get().version() + ")");
    }
    LOG.debug("Entity {}: object-created event, {}", key, read.orElseThrow());
    return selected.isEmpty() ? Optional.empty() : Optional.of(home.open(request, selected));
  }

  /** The state as taken with the lease (renewals change only the lease). */
  private synchronized EntityState heldState() {
    return held.state();
  }

  /** Tracks the watermark column of one written batch (on the writer thread). */
  public void observe(VectorSchemaRoot batch) {
    if (tracker != null) {
      tracker.observe(batch);
    }
  }

  /**
   * Whether every watermark value written so far is strictly below each value in {@code next}: the
   * flow may stop before {@code next} only then, so a continuation reading past the committed
   * watermark takes every row of {@code next} and skips none written. False when no row written had
   * a value (on the writer thread).
   */
  public boolean endsBelow(VectorSchemaRoot next) {
    return tracker != null && tracker.below(next);
  }

  /**
   * Advances the entity's state after its store committed: the watermark to the highest value
   * written, the journal by the objects loaded.
   *
   * @throws HyggeException of kind STATE when the state could not be saved; the committed data
   *     stays, and the next run repeats this run's window
   */
  public void committed() {
    if (mode == Mode.NONE) {
      return;
    }
    CrashPoint.afterCommit(key);
    synchronized (this) {
      EntityState current = held.state();
      Optional<StoredWatermark> mark = current.watermark();
      if (mode == Mode.WATERMARK) {
        mark =
            window.next(mark, tracker == null ? Optional.empty() : tracker.highest(), incremental);
      }
      ObjectJournal journal = current.journal();
      if (mode == Mode.JOURNAL) {
        ObjectJournal base = incremental ? journal : ObjectJournal.empty();
        journal = base.record(selected, runId, clock.instant(), present);
      }
      EntityState advanced = current.advanced(mark, journal, runId);
      try {
        held = leases.advance(key, held, advanced);
      } catch (HyggeException e) {
        throw new HyggeException(
            ErrorKind.STATE,
            "Entity "
                + key
                + " was committed to its store, but its state could not be advanced: "
                + e.getMessage()
                + " The next run reads this run's window again.",
            e);
      }
      after = mark;
      loadedObjects += selected.size();
    }
  }

  /**
   * How many objects are still to load after the last {@link #open}: more than none only for an
   * incremental file entity committing a few objects at a time under a time budget. Open and commit
   * again to take the next of them.
   */
  public synchronized int remainingObjects() {
    return pending == null ? 0 : pending.size();
  }

  /** What this step saw, for the run journal. */
  public synchronized StepMarks marks() {
    return new StepMarks(
        read,
        before.map(StoredWatermark::toString),
        after.map(StoredWatermark::toString),
        loadedObjects);
  }

  private synchronized void renew() {
    if (held == null) {
      return;
    }
    try {
      held = leases.renew(key, held, runId);
    } catch (RuntimeException e) {
      LOG.warn("Cannot renew the lease of entity {}: {}", key, e.getMessage(), e);
    }
  }

  /** Gives the lease back (the state keeps what {@link #committed} advanced). */
  @Override
  public synchronized void close() {
    if (renewal != null) {
      renewal.cancel(false);
    }
    if (held == null) {
      return;
    }
    try {
      leases.release(key, held);
    } catch (RuntimeException e) {
      LOG.warn(
          "Cannot release the lease of entity {}; it lapses by itself: {}", key, e.getMessage(), e);
    } finally {
      held = null;
    }
  }
}
