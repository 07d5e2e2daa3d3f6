package dev.hygge.invoke.fanout.sqs;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.invoke.ManualRun;
import dev.hygge.invoke.fanout.BatchOutcome;
import dev.hygge.invoke.fanout.FailedRun;
import dev.hygge.invoke.fanout.QueueTransport;
import dev.hygge.invoke.fanout.RunMessages;
import dev.hygge.invoke.fanout.SentRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Sends run messages to an SQS queue with {@code SendMessageBatch}, ten at a time. An entry SQS
 * refuses through no fault of the sender (throttling, a server error) is reported retryable; a call
 * that fails as a whole with a throttling or server error after the SDK's own retries is reported
 * as every entry failing, retryable.
 */
public final class SqsTransport implements QueueTransport {
  /** The most entries one {@code SendMessageBatch} takes. */
  public static final int MAX_BATCH = 10;

  private static final int FORBIDDEN = 403;
  private static final int TOO_MANY_REQUESTS = 429;
  private static final int FIRST_SERVER_ERROR = 500;
  private static final Set<String> THROTTLING =
      Set.of("ThrottlingException", "RequestThrottled", "KmsThrottled", "Throttling");
  private static final Set<String> MISSING_QUEUE =
      Set.of("AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist");

  private final SqsClient client;
  private final String queueUrl;

  /**
   * @param client the SQS client; closed with this transport
   * @param queueUrl the queue's URL, e.g. {@code
   *     https://sqs.eu-west-1.amazonaws.com/123456789012/hygge-events}
   */
  public SqsTransport(SqsClient client, String queueUrl) {
    this.client = requireNonNull(client, "client is null");
    this.queueUrl = requireNonNull(queueUrl, "queueUrl is null");
  }

  @Override
  public String describe() {
    return "SQS queue " + queueUrl;
  }

  @Override
  public int maxBatch() {
    return MAX_BATCH;
  }

  @Override
  public BatchOutcome send(List<ManualRun> batch) {
    if (batch.size() > MAX_BATCH) {
      throw new IllegalArgumentException("at most " + MAX_BATCH + " entries: " + batch.size());
    }
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      entries.add(
          SendMessageBatchRequestEntry.builder()
              .id(Integer.toString(i))
              .messageBody(RunMessages.json(batch.get(i)))
              .build());
    }
    SendMessageBatchResponse response;
    try {
      response = client.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
    } catch (QueueDoesNotExistException e) {
      throw missingQueue(e);
    } catch (SqsException e) {
      return wholeCallFailed(batch, e);
    } catch (SdkClientException e) {
      // No answer (connection refused or reset, timeout) after the SDK's retries: try again later.
      return everyEntryFailed(batch, "no answer from SQS: " + e.getMessage());
    }
    List<SentRun> sent = new ArrayList<>();
    for (SendMessageBatchResultEntry ok : response.successful()) {
      sent.add(new SentRun(batch.get(Integer.parseInt(ok.id())), ok.messageId()));
    }
    List<FailedRun> failed = new ArrayList<>();
    for (BatchResultErrorEntry error : response.failed()) {
      failed.add(
          new FailedRun(
              batch.get(Integer.parseInt(error.id())),
              error.code() + ": " + error.message(),
              !Boolean.TRUE.equals(error.senderFault())));
    }
    return new BatchOutcome(sent, failed);
  }

  private BatchOutcome wholeCallFailed(List<ManualRun> batch, SqsException e) {
    String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
    if (MISSING_QUEUE.contains(code)) {
      throw missingQueue(e);
    }
    if (e.statusCode() == FORBIDDEN || "AccessDenied".equals(code)) {
      throw new HyggeException(
          ErrorKind.CREDENTIAL,
          "SQS refused to take run messages on "
              + queueUrl
              + " ("
              + e.awsErrorDetails().errorMessage()
              + "): give the function's role sqs:SendMessage on the queue.",
          e);
    }
    if (e.statusCode() == TOO_MANY_REQUESTS
        || e.statusCode() >= FIRST_SERVER_ERROR
        || THROTTLING.contains(code)) {
      return everyEntryFailed(batch, code + ": " + e.getMessage());
    }
    throw new HyggeException(
        ErrorKind.STORE, "SQS refused the run messages for " + queueUrl + ": " + e.getMessage(), e);
  }

  private static BatchOutcome everyEntryFailed(List<ManualRun> batch, String reason) {
    return new BatchOutcome(
        List.of(), batch.stream().map(run -> new FailedRun(run, reason, true)).toList());
  }

  private HyggeException missingQueue(SqsException e) {
    return new HyggeException(
        ErrorKind.CONFIG,
        "The fan-out queue "
            + queueUrl
            + " does not exist: check HYGGE_FANOUT_QUEUE_URL (the queue's URL as the SQS console"
            + " shows it) and the region.",
        e);
  }

  @Override
  public void close() {
    client.close();
  }
}
