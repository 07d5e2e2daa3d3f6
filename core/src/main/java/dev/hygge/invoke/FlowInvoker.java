package dev.hygge.invoke;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import dev.hygge.config.EntityConfig;
import dev.hygge.config.FlowConfig;
import dev.hygge.config.Project;
import dev.hygge.config.RunType;
import dev.hygge.config.Suggestions;
import dev.hygge.flow.FlowRunner;
import dev.hygge.flow.TimeBudget;
import dev.hygge.state.EntityStates;
import dev.hygge.state.StepMarks;
import dev.hygge.state.SupportsObjectSelection;
import dev.hygge.storage.CreatedObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The one entry point that runs flows: the CLI and every cloud adapter translate what they receive
 * into an {@link Invocation} and call {@link #invoke}. Selected entities run concurrently (the
 * project's {@code concurrency}); one entity failing never stops or corrupts another.
 */
public final class FlowInvoker {
  private final Project project;

  public FlowInvoker(Project project) {
    this.project = requireNonNull(project, "project is null");
  }

  /** Runs an invocation without progress output. */
  public RunReport invoke(Invocation invocation) {
    return invoke(invocation, RunListener.NONE);
  }

  /**
   * Runs every entity the invocation selects and reports each one.
   *
   * @throws HyggeException of kind CONFIG when the invocation names an unknown flow or entity
   */
  public RunReport invoke(Invocation invocation, RunListener listener) {
    List<EntityConfig> selected = select(invocation);
    Instant started = Instant.now();
    String runId = RunIds.next(started);
    long begin = System.nanoTime();
    int concurrency = invocation.options().concurrency().orElse(project.options().concurrency());
    List<EntityReport> reports = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator();
        EntityStates states = EntityStates.of(project);
        ExecutorServiceCloser pool =
            new ExecutorServiceCloser(
                Executors.newFixedThreadPool(
                    Math.min(concurrency, Math.max(1, selected.size())), new RunThreads()))) {
      FlowRunner runner = new FlowRunner(allocator, listener, states);
      AtomicBoolean stop = new AtomicBoolean();
      List<Future<EntityReport>> futures = new ArrayList<>();
      for (EntityConfig entity : selected) {
        RunType runType = invocation.options().runType().orElse(entity.runType());
        futures.add(
            pool.executor.submit(
                () ->
                    runOne(
                        runner,
                        states,
                        entity,
                        runType,
                        runId,
                        event(invocation),
                        invocation.options(),
                        stop)));
      }
      for (Future<EntityReport> future : futures) {
        reports.add(await(future));
      }
    }
    return new RunReport(runId, started, Duration.ofNanos(System.nanoTime() - begin), reports);
  }

  private EntityReport runOne(
      FlowRunner runner,
      EntityStates states,
      EntityConfig entity,
      RunType runType,
      String runId,
      Optional<CreatedObject> event,
      Invocation.RunOptions options,
      AtomicBoolean stop) {
    Optional<TimeBudget> budget = options.budget();
    if (budget.isPresent() && !budget.get().allows(Duration.ZERO)) {
      EntityReport deferred =
          new EntityReport(
              entity.flow(),
              entity.name(),
              EntityStatus.INCOMPLETE,
              0,
              0,
              0,
              Duration.ZERO,
              Optional.empty(),
              Optional.empty());
      states.record(runId, Instant.now(), deferred, StepMarks.NONE);
      return deferred;
    }
    if (stop.get()) {
      EntityReport skipped =
          new EntityReport(
              entity.flow(),
              entity.name(),
              EntityStatus.SKIPPED,
              0,
              0,
              0,
              Duration.ZERO,
              Optional.empty(),
              Optional.empty());
      states.record(runId, Instant.now(), skipped, StepMarks.NONE);
      return skipped;
    }
    Thread thread = Thread.currentThread();
    String poolName = thread.getName();
    thread.setName(entity.qualifiedName());
    EntityReport report;
    try {
      report = runner.run(entity, runType, runId, event, options.budget());
    } finally {
      thread.setName(poolName);
    }
    if (report.status() == EntityStatus.FAILED && !project.options().continueOnError()) {
      stop.set(true);
    }
    return report;
  }

  private static Optional<CreatedObject> event(Invocation invocation) {
    return invocation instanceof Invocation.ObjectCreated created
        ? Optional.of(created.object())
        : Optional.empty();
  }

  private static EntityReport await(Future<EntityReport> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HyggeException(dev.hygge.ErrorKind.INTERNAL, "Interrupted while running", e);
    } catch (ExecutionException e) {
      throw new HyggeException(
          dev.hygge.ErrorKind.INTERNAL, "Entity run failed unexpectedly: " + e.getCause(), e);
    }
  }

  /**
   * The entities an invocation selects, in project order, without running anything: the basis of
   * {@code --dry-run} previews.
   *
   * @throws HyggeException of kind CONFIG naming an unknown flow or entity and the valid names
   */
  public List<EntityConfig> select(Invocation invocation) {
    if (invocation instanceof Invocation.Manual manual) {
      return selectManual(manual.flows(), manual.entities());
    }
    if (invocation instanceof Invocation.Scheduled scheduled) {
      FlowConfig flow = flow(scheduled.flow());
      if (scheduled.entity().isEmpty()) {
        return flow.entities();
      }
      return List.of(entity(flow, scheduled.entity().get()));
    }
    if (invocation instanceof Invocation.ObjectCreated created) {
      return selectReaders(created.object());
    }
    throw new IllegalArgumentException("unknown invocation " + invocation);
  }

  /**
   * The entities whose file home reads an object, in project order.
   *
   * @throws HyggeException of kind CONFIG when no entity reads it, listing the file entities
   */
  private List<EntityConfig> selectReaders(CreatedObject object) {
    List<EntityConfig> fileEntities =
        project.flows().stream()
            .flatMap(f -> f.entities().stream())
            .filter(e -> e.home() instanceof SupportsObjectSelection)
            .toList();
    List<EntityConfig> readers =
        fileEntities.stream()
            .filter(e -> ((SupportsObjectSelection) e.home()).locate(object).isPresent())
            .toList();
    if (readers.isEmpty()) {
      throw HyggeException.config(
          "No entity of project "
              + project.name()
              + " reads "
              + object.describe()
              + (fileEntities.isEmpty()
                  ? ": the project has no file homes."
                  : ". Entities with file homes: "
                      + String.join(
                          ", ",
                          fileEntities.stream()
                              .map(e -> e.qualifiedName() + " (" + e.home().describe() + ")")
                              .toList())
                      + ".")
              + " Check the event's bucket and key against 'path:' of the homes, or the"
              + " notification's filter.");
    }
    return readers;
  }

  private List<EntityConfig> selectManual(List<String> flows, List<String> entities) {
    if (flows.isEmpty() && entities.isEmpty()) {
      return project.flows().stream().flatMap(f -> f.entities().stream()).toList();
    }
    Set<EntityConfig> selected = new LinkedHashSet<>();
    for (String name : flows) {
      selected.addAll(flow(name).entities());
    }
    for (String qualified : entities) {
      int dot = qualified.indexOf('.');
      if (dot <= 0 || dot == qualified.length() - 1) {
        throw HyggeException.config(
            "Entity '" + qualified + "' must be written as flow.entity, e.g. sales.orders.");
      }
      selected.add(entity(flow(qualified.substring(0, dot)), qualified.substring(dot + 1)));
    }
    return project.flows().stream()
        .flatMap(f -> f.entities().stream())
        .filter(selected::contains)
        .toList();
  }

  private FlowConfig flow(String name) {
    return project
        .flow(name)
        .orElseThrow(
            () -> {
              List<String> names = project.flows().stream().map(FlowConfig::name).toList();
              return HyggeException.config(
                  "No flow named '"
                      + name
                      + "' in project "
                      + project.name()
                      + "."
                      + Suggestions.hint(name, names)
                      + " Flows: "
                      + String.join(", ", names)
                      + ".");
            });
  }

  private static EntityConfig entity(FlowConfig flow, String name) {
    return flow.entities().stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> {
              List<String> names = flow.entities().stream().map(EntityConfig::name).toList();
              return HyggeException.config(
                  "No entity named '"
                      + name
                      + "' in flow "
                      + flow.name()
                      + "."
                      + Suggestions.hint(name, names)
                      + " Entities: "
                      + String.join(", ", names)
                      + ".");
            });
  }

  /** Shuts the pool down when the run ends. */
  private record ExecutorServiceCloser(ExecutorService executor) implements AutoCloseable {
    @Override
    public void close() {
      executor.shutdownNow();
    }
  }
}
