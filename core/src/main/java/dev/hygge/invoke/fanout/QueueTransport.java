package dev.hygge.invoke.fanout;

import dev.hygge.invoke.ManualRun;
import java.util.List;

/**
 * Sends one batch of run messages to one service, once; {@link BatchedRunQueue} splits runs into
 * batches and retries what failed. Each cloud's transport lives in its own package with its SDK.
 */
public interface QueueTransport extends AutoCloseable {
  /** The queue or topic, e.g. {@code SQS queue https://...}. */
  String describe();

  /** The most messages one call may carry (SQS 10, Pub/Sub 1000, Azure 1). */
  int maxBatch();

  /**
   * Sends at most {@link #maxBatch()} messages once.
   *
   * @return which entries were accepted and which were not; an entry failure never throws
   * @throws dev.hygge.HyggeException when the whole call failed in a way no retry can fix: of kind
   *     CONFIG when the queue does not exist, CREDENTIAL when sending is refused
   */
  BatchOutcome send(List<ManualRun> batch);

  /** Releases the client. */
  @Override
  void close();
}
