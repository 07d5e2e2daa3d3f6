package dev.hygge.invoke.fanout.azure;

import static java.util.Objects.requireNonNull;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueErrorCode;
import com.azure.storage.queue.models.QueueStorageException;
import com.azure.storage.queue.models.SendMessageResult;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.invoke.ManualRun;
import dev.hygge.invoke.fanout.BatchOutcome;
import dev.hygge.invoke.fanout.FailedRun;
import dev.hygge.invoke.fanout.QueueTransport;
import dev.hygge.invoke.fanout.RunMessages;
import dev.hygge.invoke.fanout.SentRun;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts run messages on an Azure Storage queue, one {@code Put Message} each (the service has no
 * batch call). The client encodes bodies in base64, as the Functions host's queue trigger expects
 * by default, and retries throttling ({@code 503 ServerBusy}) and server errors itself; a message
 * still failing with one of those is reported retryable.
 */
public final class AzureQueueTransport implements QueueTransport {
  private static final int FORBIDDEN = 403;
  private static final int UNAUTHORIZED = 401;
  private static final int TOO_MANY_REQUESTS = 429;
  private static final int FIRST_SERVER_ERROR = 500;

  private final QueueClient client;

  /**
   * @param client the queue's client, built with base64 message encoding
   */
  public AzureQueueTransport(QueueClient client) {
    this.client = requireNonNull(client, "client is null");
  }

  @Override
  public String describe() {
    return "Azure queue " + client.getQueueName() + " of account " + client.getAccountName();
  }

  @Override
  public int maxBatch() {
    return 1;
  }

  @Override
  public BatchOutcome send(List<ManualRun> batch) {
    List<SentRun> sent = new ArrayList<>();
    List<FailedRun> failed = new ArrayList<>();
    for (ManualRun run : batch) {
      try {
        SendMessageResult result = client.sendMessage(RunMessages.json(run));
        sent.add(new SentRun(run, result.getMessageId()));
      } catch (QueueStorageException e) {
        failed.add(refused(run, e));
      } catch (UncheckedIOException e) {
        failed.add(new FailedRun(run, "no answer from the queue service: " + e.getMessage(), true));
      }
    }
    return new BatchOutcome(sent, failed);
  }

  private FailedRun refused(ManualRun run, QueueStorageException e) {
    QueueErrorCode code = e.getErrorCode();
    int status = e.getStatusCode();
    if (QueueErrorCode.QUEUE_NOT_FOUND.equals(code)) {
      throw new HyggeException(
          ErrorKind.CONFIG,
          "The fan-out queue "
              + client.getQueueName()
              + " does not exist in account "
              + client.getAccountName()
              + ": check HYGGE_FANOUT_QUEUE, or create the queue.",
          e);
    }
    if (status == FORBIDDEN || status == UNAUTHORIZED) {
      throw new HyggeException(
          ErrorKind.CREDENTIAL,
          "Azure Storage refused to put run messages on "
              + client.getQueueName()
              + " ("
              + (code == null ? "HTTP " + status : code)
              + "): check the connection's key, or give the function's identity the role"
              + " Storage Queue Data Message Sender.",
          e);
    }
    boolean retryable = status == TOO_MANY_REQUESTS || status >= FIRST_SERVER_ERROR;
    return new FailedRun(
        run,
        (code == null ? "HTTP " + status : code.toString()) + ": " + e.getMessage(),
        retryable);
  }

  @Override
  public void close() {
    // The queue client holds no resources of its own, and the JDK HTTP client of Java 17 has
    // nothing to close.
  }
}
