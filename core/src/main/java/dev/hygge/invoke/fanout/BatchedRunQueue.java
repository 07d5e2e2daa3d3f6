package dev.hygge.invoke.fanout;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.invoke.ManualRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RunQueue} over one service's {@link QueueTransport}: runs go out in batches of the
 * service's size; entries refused for a reason a retry can fix (throttling, a server error) are
 * sent again, alone, after a growing wait, and the rest fail at once. Whoever creates it closes it,
 * which closes the transport.
 */
public final class BatchedRunQueue implements RunQueue {
  private static final Logger LOG = LoggerFactory.getLogger(BatchedRunQueue.class);

  private final QueueTransport transport;
  private final SendRetry retry;

  public BatchedRunQueue(QueueTransport transport, SendRetry retry) {
    this.transport = requireNonNull(transport, "transport is null");
    this.retry = requireNonNull(retry, "retry is null");
  }

  @Override
  public String describe() {
    return transport.describe();
  }

  @Override
  public List<SentRun> send(List<ManualRun> runs) {
    requireNonNull(runs, "runs is null");
    List<SentRun> sent = new ArrayList<>();
    List<FailedRun> refused = new ArrayList<>();
    List<ManualRun> pending = List.copyOf(runs);
    List<FailedRun> lastFailures = List.of();
    for (int attempt = 1; attempt <= retry.attempts() && !pending.isEmpty(); attempt++) {
      if (attempt > 1) {
        Duration wait = retry.backoffAfter(attempt - 1);
        LOG.info(
            "Sending {} run message(s) to {} again in {} ms (try {} of {})",
            pending.size(),
            transport.describe(),
            wait.toMillis(),
            attempt,
            retry.attempts());
        sleep(wait);
      }
      List<FailedRun> retryable = new ArrayList<>();
      for (List<ManualRun> batch : batches(pending)) {
        BatchOutcome outcome = transport.send(batch);
        sent.addAll(outcome.sent());
        for (FailedRun failed : outcome.failed()) {
          (failed.retryable() ? retryable : refused).add(failed);
        }
      }
      lastFailures = retryable;
      pending = retryable.stream().map(FailedRun::run).toList();
    }
    if (!refused.isEmpty() || !pending.isEmpty()) {
      throw failure(runs.size(), sent, refused, lastFailures);
    }
    return List.copyOf(sent);
  }

  private List<List<ManualRun>> batches(List<ManualRun> runs) {
    int size = transport.maxBatch();
    List<List<ManualRun>> batches = new ArrayList<>();
    for (int from = 0; from < runs.size(); from += size) {
      batches.add(runs.subList(from, Math.min(runs.size(), from + size)));
    }
    return batches;
  }

  private HyggeException failure(
      int total, List<SentRun> sent, List<FailedRun> refused, List<FailedRun> throttled) {
    StringBuilder message =
        new StringBuilder("Cannot send every run message to ")
            .append(transport.describe())
            .append(": ")
            .append(sent.size())
            .append(" of ")
            .append(total)
            .append(" sent");
    if (!sent.isEmpty()) {
      message
          .append(" (")
          .append(String.join(", ", sent.stream().map(SentRun::qualifiedName).toList()))
          .append(")");
    }
    message.append(".");
    if (!refused.isEmpty()) {
      message.append(" Refused: ").append(describe(refused)).append(".");
    }
    if (!throttled.isEmpty()) {
      message
          .append(" Still failing after ")
          .append(retry.attempts())
          .append(" tries: ")
          .append(describe(throttled))
          .append(".");
    }
    message.append(
        " Run the schedule again once the queue accepts messages (the runs already sent need not"
            + " be repeated), or raise hygge.fanout.attempts.");
    return new HyggeException(ErrorKind.STORE, message.toString());
  }

  private static String describe(List<FailedRun> failed) {
    return String.join(
        "; ",
        failed.stream().map(f -> RunMessages.name(f.run()) + " (" + f.reason() + ")").toList());
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HyggeException(
          ErrorKind.INTERNAL, "Interrupted while waiting to send run messages again", e);
    }
  }

  @Override
  public void close() {
    transport.close();
  }
}
