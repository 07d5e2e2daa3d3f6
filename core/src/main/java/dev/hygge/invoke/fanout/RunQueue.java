package dev.hygge.invoke.fanout;

import dev.hygge.invoke.ManualRun;
import java.util.List;

/**
 * A queue that carries run messages ({@code {"flow": "sales", "entity": "orders"}}, the JSON of a
 * {@link ManualRun}) to the function that runs them: SQS, Pub/Sub or Azure Queue Storage. Whoever
 * opens it closes it.
 */
public interface RunQueue extends AutoCloseable {
  /** The queue or topic, for reports and messages, e.g. {@code SQS queue https://...}. */
  String describe();

  /**
   * Sends one message per run, in batches as large as the service takes, retrying throttled or
   * failed entries (and only those).
   *
   * @return one sent message per run, in the order the service accepted them
   * @throws dev.hygge.HyggeException when some runs could not be sent: of kind CONFIG when the
   *     queue does not exist, CREDENTIAL when sending is refused, STORE when entries still fail
   *     after the retries; the message names the runs that were sent and those that were not
   */
  List<SentRun> send(List<ManualRun> runs);

  /** Releases the queue's client. */
  @Override
  void close();
}
