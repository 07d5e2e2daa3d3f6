package dev.hygge.functions.azure;

import dev.hygge.config.Project;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.ManualRun;
import dev.hygge.invoke.fanout.FanOut;
import dev.hygge.invoke.fanout.FanOutReport;
import dev.hygge.invoke.fanout.FanOutSettings;
import dev.hygge.invoke.fanout.RunQueue;
import dev.hygge.invoke.fanout.RunQueues;
import dev.hygge.invoke.fanout.SentRun;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The fan-out queue ({@code HYGGE_FANOUT_QUEUE}, e.g. {@code hygge-runs}, in the account of the
 * connection {@code AzureWebJobsStorage}: a connection string, or an identity-based connection
 * signed by the managed identity), opened once per process through core's {@link RunQueues}, or
 * absent when not configured.
 */
@ApplicationScoped
public class RunMessageQueue {
  private final Optional<RunQueue> queue;

  RunMessageQueue(Config config) {
    this.queue = RunQueues.open(FanOutSettings.from(config));
  }

  /** Whether a fan-out queue is configured. */
  public boolean configured() {
    return queue.isPresent();
  }

  /**
   * Sends one run message per entity of a flow, when a queue is configured.
   *
   * @throws dev.hygge.HyggeException as {@link FanOut#fanOut}
   */
  public Optional<FanOutReport> fanOut(Project project, String flow) {
    return queue.map(
        q ->
            new FanOut(project, q)
                .fanOut(
                    new Invocation.Scheduled(
                        flow, Optional.empty(), Invocation.RunOptions.defaults())));
  }

  /**
   * Sends run messages that continue runs stopped at the time budget, when a queue is configured.
   *
   * @return the messages sent; empty without a queue
   * @throws dev.hygge.HyggeException as {@link RunQueue#send}
   */
  public List<SentRun> send(List<ManualRun> runs) {
    if (runs.isEmpty()) {
      return List.of();
    }
    return queue.map(q -> q.send(runs)).orElse(List.of());
  }

  @PreDestroy
  void close() {
    queue.ifPresent(RunQueue::close);
  }
}
