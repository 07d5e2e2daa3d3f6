package dev.hygge.invoke.fanout;

import static java.util.Objects.requireNonNull;

import dev.hygge.config.EntityConfig;
import dev.hygge.config.Project;
import dev.hygge.invoke.FlowInvoker;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.ManualRun;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fan-out step of a schedule for a whole flow: instead of running every entity in one
 * invocation, it sends one run message per entity to the cloud's queue, so each entity gets its own
 * invocation (and its own time budget and retries).
 */
public final class FanOut {
  private static final Logger LOG = LoggerFactory.getLogger(FanOut.class);

  private final Project project;
  private final RunQueue queue;

  /**
   * @param project the project whose flows are fanned out
   * @param queue where run messages go; the caller closes it
   */
  public FanOut(Project project, RunQueue queue) {
    this.project = requireNonNull(project, "project is null");
    this.queue = requireNonNull(queue, "queue is null");
  }

  /**
   * Whether an invocation is one a function fans out when a queue is configured: a schedule for a
   * whole flow. Everything else runs in the invocation that received it.
   */
  public static boolean fansOut(Invocation invocation) {
    return invocation instanceof Invocation.Scheduled scheduled && scheduled.entity().isEmpty();
  }

  /**
   * Sends one run message per entity the schedule selects: every entity of its flow, or the one it
   * names.
   *
   * @throws dev.hygge.HyggeException of kind CONFIG naming an unknown flow or entity (nothing is
   *     sent), or as {@link RunQueue#send} when messages cannot be sent
   */
  public FanOutReport fanOut(Invocation.Scheduled scheduled) {
    requireNonNull(scheduled, "scheduled is null");
    List<EntityConfig> entities = new FlowInvoker(project).select(scheduled);
    List<ManualRun> runs = entities.stream().map(e -> new ManualRun(e.flow(), e.name())).toList();
    List<SentRun> sent = queue.send(runs);
    LOG.info(
        "Fanned out flow {}: {} run message(s) sent to {}",
        scheduled.flow(),
        sent.size(),
        queue.describe());
    return new FanOutReport(scheduled.flow(), queue.describe(), sent);
  }
}
