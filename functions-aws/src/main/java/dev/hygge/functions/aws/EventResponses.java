package dev.hygge.functions.aws;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import dev.hygge.invoke.Disposition;
import dev.hygge.invoke.events.DeliveryResult;
import dev.hygge.invoke.events.DeliveryResult.DeliveryStatus;
import dev.hygge.invoke.events.DeliveryResult.Failure;
import dev.hygge.invoke.events.EventOutcome;
import dev.hygge.invoke.events.EventOutcomeView;
import dev.hygge.invoke.events.ParsedEvent;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what running an event did into Lambda's answer. An SQS batch is answered with its failed
 * messages, retryable and poison alike: SQS delivers them again, and a poison message (a retry
 * fails the same way) reaches the dead-letter queue after the queue's {@code maxReceiveCount}, so
 * it is kept for inspection and redrive rather than deleted. Any other payload is answered with the
 * outcome; only a failure a retry can help becomes a function error, which Lambda retries for
 * asynchronous invocations. Every failed delivery is logged, poison ones as poison.
 */
final class EventResponses {
  private static final Logger LOG = LoggerFactory.getLogger(EventResponses.class);

  /** The shape of a payload that could not be understood at all. */
  static final String UNREADABLE_SHAPE = "unreadable payload";

  private EventResponses() {}

  /**
   * Lambda's answer to an outcome.
   *
   * @throws RetryableEventException when the payload is not an SQS batch and a retry can help
   */
  static LambdaResponse of(EventOutcome outcome) {
    requireNonNull(outcome, "outcome is null");
    boolean sqs = ParsedEvent.SQS_BATCH_SHAPE.equals(outcome.shape());
    outcome.results().stream()
        .filter(r -> r.status() == DeliveryStatus.FAILED)
        .forEach(r -> logFailure(r, sqs));
    if (sqs) {
      return new LambdaResponse.BatchItemFailures(
          outcome.failedIds().stream().map(LambdaResponse.BatchItemFailures.Item::new).toList());
    }
    if (outcome.retryable()) {
      throw new RetryableEventException(retryMessage(outcome));
    }
    return new LambdaResponse.Outcome(EventOutcomeView.of(outcome));
  }

  /**
   * The answer to a payload no event shape fits (not JSON, or none of the AWS shapes): an outcome
   * with one failed, poison delivery named by the request id, whose error says what was expected.
   * Not a function error: a retry would fail the same way.
   */
  static LambdaResponse unreadable(String requestId, HyggeException error) {
    requireNonNull(requestId, "requestId is null");
    requireNonNull(error, "error is null");
    DeliveryResult result =
        new DeliveryResult(
            requestId,
            "event payload",
            DeliveryStatus.FAILED,
            Optional.empty(),
            Optional.of(new Failure(error.kind(), error.getMessage(), Disposition.of(error))),
            Optional.empty());
    return of(new EventOutcome(UNREADABLE_SHAPE, List.of(result)));
  }

  private static void logFailure(DeliveryResult result, boolean sqs) {
    Failure failure = result.failure().orElseThrow();
    if (failure.disposition() == Disposition.RETRYABLE) {
      LOG.warn(
          "Delivery {} ({}) failed; a retry can help, {}: {}",
          result.id(),
          result.subject(),
          sqs ? "SQS delivers it again" : "Lambda retries the invocation",
          failure.message());
      return;
    }
    LOG.error(
        "POISON delivery {} ({}), a retry fails the same way, {}: {}",
        result.id(),
        result.subject(),
        sqs
            ? "SQS delivers it again until the queue's maxReceiveCount, then moves it to the"
                + " dead-letter queue"
            : "not retried",
        failure.message());
  }

  private static String retryMessage(EventOutcome outcome) {
    return "The "
        + outcome.shape()
        + " failed and a retry can help: "
        + outcome.results().stream()
            .filter(DeliveryResult::retryable)
            .map(r -> r.subject() + ": " + r.failure().orElseThrow().message())
            .collect(Collectors.joining("; "));
  }
}
