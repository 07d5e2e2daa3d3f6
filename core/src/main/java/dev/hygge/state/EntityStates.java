package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import dev.hygge.config.EntityConfig;
import dev.hygge.config.Project;
import dev.hygge.config.RunType;
import dev.hygge.flow.TimeBudget;
import dev.hygge.invoke.EntityReport;
import dev.hygge.storage.CreatedObject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state side of one invocation: makes each entity's {@link EntityStateStep}, renews leases in
 * the background, and records every entity run in the run journal.
 */
public final class EntityStates implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EntityStates.class);

  private final StateStore store;
  private final Leases leases;
  private final RunJournal journal;
  private final Clock clock;
  private final ScheduledExecutorService renewals;

  /**
   * @param store where entity state lives
   * @param config the lease timeout
   * @param journal where runs are recorded; this closes it
   */
  public EntityStates(StateStore store, StateConfig config, RunJournal journal, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    this.journal = requireNonNull(journal, "journal is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.leases = new Leases(store, config.leaseTimeout(), clock);
    this.renewals =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "hygge-lease-renewal");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** The state of a project, kept where its {@code state:} block says. */
  public static EntityStates of(Project project) {
    StateConfig config = project.state();
    StateStore store = StateStores.open(config);
    try {
      return new EntityStates(store, config, RunJournals.open(config), Clock.systemUTC());
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The state step of one entity's run; nothing is read or written until its {@code begin}. */
  public EntityStateStep step(EntityConfig entity, RunType runType, String runId) {
    return step(entity, runType, runId, Optional.empty());
  }

  /**
   * The state step of one entity's run for an object-created event: an incremental file entity
   * reads just that object.
   */
  public EntityStateStep step(
      EntityConfig entity, RunType runType, String runId, Optional<CreatedObject> event) {
    return step(entity, runType, runId, event, Optional.empty());
  }

  /**
   * The state step of one entity's run, for an object-created event or not, within a time budget
   * when given: an incremental file entity then commits the budget's {@code objectsPerCommit}
   * objects at a time, and an incremental watermark entity reads its rows in the watermark's order.
   */
  public EntityStateStep step(
      EntityConfig entity,
      RunType runType,
      String runId,
      Optional<CreatedObject> event,
      Optional<TimeBudget> budget) {
    return new EntityStateStep(
        entity, runType, runId, leases, store, renewals, clock, event, budget);
  }

  /**
   * Records one entity's run in the run journal. A journal that cannot be written is logged, not
   * thrown: the run itself is already committed or failed.
   */
  public void record(String runId, Instant started, EntityReport report, StepMarks marks) {
    RunRecord record =
        new RunRecord(
            runId,
            report.flow(),
            report.entity(),
            started,
            clock.instant(),
            report.status().name(),
            report.rows(),
            report.bytes(),
            report.files(),
            marks.objects(),
            marks.read(),
            marks.watermarkBefore(),
            marks.watermarkAfter(),
            report.errorKind().map(Enum::name),
            report.error());
    try {
      journal.append(record);
    } catch (RuntimeException e) {
      LOG.warn(
          "Run {} of {} is not in the run history: {}",
          runId,
          report.qualifiedName(),
          e.getMessage(),
          e);
    }
  }

  /** Stops lease renewals and closes the state store and the run journal. */
  @Override
  public void close() {
    renewals.shutdownNow();
    try {
      store.close();
    } finally {
      journal.close();
    }
  }
}
