package dev.hygge.functions.azure;

import static java.util.Objects.requireNonNull;

import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The Storage Queue-triggered Azure Function {@code FanOut}: a message on {@value #QUEUE} (a run
 * message {@code {"flow": "sales", "entity": "orders"}}, plain or base64, as the schedule's fan-out
 * and continuations send them, or an Event Grid event) runs what it asks for. It throws only when a
 * retry can help: the host then makes the message visible again, up to {@code maxDequeueCount}
 * times ({@code host.json}), and moves it to {@code hygge-runs-poison} after that. A poison message
 * is logged and removed.
 */
public final class FanOutFunction {
  /** The function's name, as the host knows it. */
  public static final String NAME = "FanOut";

  /** The queue it reads: {@code HYGGE_FANOUT_QUEUE} in the deployment. */
  public static final String QUEUE = "hygge-runs";

  /**
   * The app setting holding the queue's connection: the host's own storage, a connection string or
   * an identity-based connection ({@code AzureWebJobsStorage__queueServiceUri}).
   */
  public static final String CONNECTION = "AzureWebJobsStorage";

  private final AzureEventHandler handler;

  FanOutFunction(AzureEventHandler handler) {
    this.handler = requireNonNull(handler, "handler is null");
  }

  /** Runs the run message. */
  @FunctionName(NAME)
  public void run(
      @QueueTrigger(name = "message", queueName = QUEUE, connection = CONNECTION) String message) {
    Instant started = Instant.now();
    handler.handle(NAME, message.getBytes(StandardCharsets.UTF_8), started);
  }
}
