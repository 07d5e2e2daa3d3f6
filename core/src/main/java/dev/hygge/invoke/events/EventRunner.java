package dev.hygge.invoke.events;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.Project;
import dev.hygge.flow.TimeBudget;
import dev.hygge.invoke.Disposition;
import dev.hygge.invoke.EntityReport;
import dev.hygge.invoke.EntityStatus;
import dev.hygge.invoke.FlowInvoker;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.ManualRun;
import dev.hygge.invoke.RunListener;
import dev.hygge.invoke.RunReport;
import dev.hygge.invoke.events.DeliveryResult.DeliveryStatus;
import dev.hygge.invoke.events.DeliveryResult.Failure;
import dev.hygge.invoke.fanout.FanOut;
import dev.hygge.invoke.fanout.FanOutReport;
import dev.hygge.invoke.fanout.RunQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs what an event payload asks for: parses it ({@link EventParser}), runs each delivery through
 * {@link FlowInvoker}, and reports each delivery on its own, so a poison delivery never stops the
 * others. What every cloud adapter and {@code hygge invoke --event} call.
 */
public final class EventRunner {
  private static final Logger LOG = LoggerFactory.getLogger(EventRunner.class);

  private final FlowInvoker invoker;
  private final Project project;
  private final Optional<RunQueue> queue;

  public EventRunner(Project project) {
    this(project, Optional.empty());
  }

  /**
   * A runner that sends run messages to a fan-out queue: a schedule for a whole flow becomes one
   * message per entity, and entities stopped at the time budget get a continuation message.
   *
   * @param queue the fan-out queue; the caller closes it
   */
  public EventRunner(Project project, Optional<RunQueue> queue) {
    this.project = requireNonNull(project, "project is null");
    this.invoker = new FlowInvoker(project);
    this.queue = requireNonNull(queue, "queue is null");
  }

  /**
   * Parses a payload and runs its deliveries without a time limit.
   *
   * @param cloud the cloud it came from, or empty to detect it
   * @throws HyggeException of kind CONFIG when the payload as a whole cannot be understood (see
   *     {@link EventParser#parse}); problems of one message of a batch fail only that delivery
   */
  public EventOutcome run(byte[] payload, Optional<Cloud> cloud) {
    return run(EventParser.parse(payload, cloud), Optional.empty(), RunListener.NONE);
  }

  /**
   * Parses a payload and runs its deliveries within a function invocation's time budget: runs that
   * reach it stop at a safe boundary and their deliveries end INCOMPLETE with continuations.
   *
   * @throws HyggeException as {@link #run(byte[], Optional)}
   */
  public EventOutcome run(byte[] payload, Optional<Cloud> cloud, TimeBudget budget) {
    return run(
        EventParser.parse(payload, cloud),
        Optional.of(requireNonNull(budget, "budget is null")),
        RunListener.NONE);
  }

  /**
   * Runs the deliveries of a parsed payload, e.g. a binary-mode CloudEvent from {@link
   * EventParser#parseCloudEvent}, within a time budget.
   */
  public EventOutcome run(ParsedEvent event, TimeBudget budget) {
    return run(event, Optional.of(requireNonNull(budget, "budget is null")), RunListener.NONE);
  }

  /** Runs the deliveries of a parsed payload without a time limit, reporting progress. */
  public EventOutcome run(ParsedEvent event, RunListener listener) {
    return run(event, Optional.empty(), listener);
  }

  private EventOutcome run(ParsedEvent event, Optional<TimeBudget> budget, RunListener listener) {
    requireNonNull(event, "event is null");
    requireNonNull(listener, "listener is null");
    List<DeliveryResult> results = new ArrayList<>();
    for (Delivery delivery : event.deliveries()) {
      results.add(deliver(delivery, budget, listener));
    }
    EventOutcome outcome = new EventOutcome(event.shape(), results);
    continueIncomplete(outcome);
    return outcome;
  }

  /**
   * Sends a continuation message for every entity stopped at the time budget, when a fan-out queue
   * is configured. Failing to send loses nothing (the journal and watermark keep what is left for
   * the next run), so it is logged, not thrown.
   */
  private void continueIncomplete(EventOutcome outcome) {
    List<ManualRun> continuations = outcome.continuations();
    if (continuations.isEmpty()) {
      return;
    }
    if (queue.isEmpty()) {
      LOG.warn(
          "{} entit(ies) stopped at the time budget and no fan-out queue is configured: the next"
              + " run of each takes the rest ({})",
          continuations.size(),
          continuations);
      return;
    }
    try {
      queue.get().send(continuations);
      LOG.info(
          "Sent {} continuation message(s) to {}", continuations.size(), queue.get().describe());
    } catch (HyggeException e) {
      LOG.error(
          "Cannot send continuation messages to {}: {}. The next run of each entity takes the"
              + " rest.",
          queue.get().describe(),
          e.getMessage(),
          e);
    }
  }

  private DeliveryResult deliver(
      Delivery delivery, Optional<TimeBudget> budget, RunListener listener) {
    if (delivery instanceof Delivery.Ignored ignored) {
      LOG.info("Delivery {} ({}) ignored: {}", ignored.id(), ignored.subject(), ignored.reason());
      return new DeliveryResult(
          ignored.id(),
          ignored.subject(),
          DeliveryStatus.IGNORED,
          Optional.empty(),
          Optional.empty(),
          Optional.of(ignored.reason()));
    }
    if (delivery instanceof Delivery.Malformed malformed) {
      LOG.warn("Delivery {} is malformed: {}", malformed.id(), malformed.error().getMessage());
      return failed(
          malformed,
          Optional.empty(),
          new Failure(ErrorKind.CONFIG, malformed.error().getMessage(), Disposition.POISON));
    }
    return runOne((Delivery.Run) delivery, budget, listener);
  }

  private DeliveryResult runOne(
      Delivery.Run run, Optional<TimeBudget> budget, RunListener listener) {
    if (queue.isPresent() && FanOut.fansOut(run.invocation())) {
      return fanOut(run);
    }
    RunReport report;
    try {
      report = invoker.invoke(Budgets.within(run.invocation(), budget), listener);
    } catch (RuntimeException e) {
      ErrorKind kind = e instanceof HyggeException h ? h.kind() : ErrorKind.INTERNAL;
      String message =
          e instanceof HyggeException
              ? e.getMessage()
              : "Delivery " + run.id() + " failed unexpectedly (a bug, please report): " + e;
      Failure failure = new Failure(kind, message, Disposition.of(e));
      if (e instanceof HyggeException) {
        LOG.warn("Delivery {} ({}) failed: {}", run.id(), run.subject(), message);
      } else {
        LOG.warn("Delivery {} ({}) failed: {}", run.id(), run.subject(), message, e);
      }
      return failed(run, Optional.empty(), failure);
    }
    if (report.count(EntityStatus.FAILED) == 0) {
      return new DeliveryResult(
          run.id(),
          run.subject(),
          report.incomplete().isEmpty() ? DeliveryStatus.SUCCEEDED : DeliveryStatus.INCOMPLETE,
          Optional.of(report),
          Optional.empty(),
          Optional.empty());
    }
    return failed(run, Optional.of(report), failureOf(report));
  }

  private DeliveryResult fanOut(Delivery.Run run) {
    try {
      FanOutReport sent =
          new FanOut(project, queue.orElseThrow()).fanOut((Invocation.Scheduled) run.invocation());
      return new DeliveryResult(
          run.id(),
          run.subject(),
          DeliveryStatus.FANNED_OUT,
          Optional.empty(),
          Optional.empty(),
          Optional.of(
              sent.sent().size()
                  + " run message(s) for "
                  + String.join(", ", sent.entities())
                  + " sent to "
                  + sent.queue()));
    } catch (HyggeException e) {
      LOG.warn("Delivery {} ({}) could not fan out: {}", run.id(), run.subject(), e.getMessage());
      return failed(
          run, Optional.empty(), new Failure(e.kind(), e.getMessage(), Disposition.of(e)));
    }
  }

  private static DeliveryResult failed(
      Delivery delivery, Optional<RunReport> report, Failure failure) {
    return new DeliveryResult(
        delivery.id(),
        delivery.subject(),
        DeliveryStatus.FAILED,
        report,
        Optional.of(failure),
        Optional.empty());
  }

  /** The failure of a run: every failed entity's error; retryable when any of them is. */
  private static Failure failureOf(RunReport report) {
    List<EntityReport> failed =
        report.entities().stream().filter(e -> e.status() == EntityStatus.FAILED).toList();
    ErrorKind kind = failed.get(0).errorKind().orElse(ErrorKind.INTERNAL);
    Disposition disposition =
        failed.stream().anyMatch(EntityReport::retryable)
            ? Disposition.RETRYABLE
            : Disposition.POISON;
    String message =
        failed.stream()
            .map(e -> e.qualifiedName() + ": " + e.error().orElse(""))
            .collect(Collectors.joining("; "));
    return new Failure(kind, message, disposition);
  }
}
