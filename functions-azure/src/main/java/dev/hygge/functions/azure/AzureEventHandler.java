package dev.hygge.functions.azure;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.TimeBudget;
import dev.hygge.invoke.ManualRun;
import dev.hygge.invoke.events.Cloud;
import dev.hygge.invoke.events.DeliveryResult;
import dev.hygge.invoke.events.EventOutcome;
import dev.hygge.invoke.events.EventRunner;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the event-driven Azure functions share: runs a payload through core within the invocation's
 * time budget, logs how each delivery ended, and turns the outcome into what the Functions host
 * understands. A failure a retry can help is thrown, so the host delivers again (Event Grid
 * retries, a queue message returns until {@code maxDequeueCount}, then goes to the poison queue); a
 * poison delivery is logged and returned, so it is never delivered again in vain.
 */
@ApplicationScoped
public class AzureEventHandler {
  private static final Logger LOG = LoggerFactory.getLogger(AzureEventHandler.class);

  private final FunctionProject project;
  private final RunMessageQueue queue;
  private final FunctionTimeout timeout;
  private final Clock clock;

  AzureEventHandler(
      FunctionProject project,
      RunMessageQueue queue,
      @ConfigProperty(name = FunctionTimeout.SETTING) Optional<String> timeout,
      @ConfigProperty(name = FunctionTimeout.HOST_SETTING) Optional<String> hostTimeout,
      @ConfigProperty(
              name = FunctionTimeout.MARGIN_SETTING,
              defaultValue = FunctionTimeout.DEFAULT_MARGIN)
          String margin) {
    this.project = requireNonNull(project, "project is null");
    this.queue = requireNonNull(queue, "queue is null");
    this.timeout = FunctionTimeout.of(timeout, hostTimeout, margin);
    this.clock = Clock.systemUTC();
  }

  /**
   * Runs what a payload asks for, for the function {@code function} whose invocation started at
   * {@code started}.
   *
   * @return the outcome, when no delivery needs to be delivered again (poison deliveries included)
   * @throws HyggeException when a delivery failed and a retry can help, naming each such delivery:
   *     the host delivers the payload again
   */
  public Optional<EventOutcome> handle(String function, byte[] payload, Instant started) {
    requireNonNull(function, "function is null");
    requireNonNull(payload, "payload is null");
    requireNonNull(started, "started is null");
    EventOutcome outcome;
    try {
      outcome = run(payload, timeout.remaining(started, clock.instant()));
    } catch (HyggeException e) {
      if (e.kind() != ErrorKind.CONFIG) {
        throw e;
      }
      LOG.error(
          "{}: the payload ({} bytes) is poison and is dropped, a retry would fail alike: {}",
          function,
          payload.length,
          e.getMessage());
      return Optional.empty();
    }
    for (DeliveryResult result : outcome.results()) {
      log(function, result);
    }
    continueLater(function, outcome);
    if (outcome.retryable()) {
      throw redeliver(function, outcome);
    }
    return Optional.of(outcome);
  }

  /** Sends the continuations of runs stopped at the time budget to the fan-out queue. */
  private void continueLater(String function, EventOutcome outcome) {
    List<ManualRun> continuations = outcome.continuations();
    if (continuations.isEmpty()) {
      return;
    }
    if (!queue.configured()) {
      LOG.warn(
          "{}: {} stopped at the time budget and no fan-out queue is configured"
              + " (HYGGE_FANOUT_QUEUE): the next event or schedule continues them",
          function,
          continuations);
      return;
    }
    queue.send(continuations);
    LOG.info("{}: sent continuations {}", function, continuations);
  }

  private EventOutcome run(byte[] payload, Optional<Duration> remaining) {
    EventRunner runner = new EventRunner(project.load());
    Optional<Cloud> azure = Optional.of(Cloud.AZURE);
    if (remaining.isEmpty()) {
      return runner.run(payload, azure);
    }
    return runner.run(payload, azure, TimeBudget.remaining(remaining.get(), Duration.ZERO));
  }

  private static void log(String function, DeliveryResult result) {
    switch (result.status()) {
      case SUCCEEDED, INCOMPLETE ->
          LOG.info(
              "{}: delivery {} ({}) {}, {} rows",
              function,
              result.id(),
              result.subject(),
              result.status(),
              result.report().map(r -> r.totalRows()).orElse(0L));
      case IGNORED ->
          LOG.info(
              "{}: delivery {} ({}) ignored: {}",
              function,
              result.id(),
              result.subject(),
              result.reason().orElse(""));
      case FAILED -> {
        DeliveryResult.Failure failure = result.failure().orElseThrow();
        LOG.error(
            "{}: delivery {} ({}) failed, {}: {}",
            function,
            result.id(),
            result.subject(),
            result.retryable()
                ? "retryable, the host delivers it again"
                : "poison, dropped since a retry would fail alike",
            failure.message());
      }
    }
  }

  private static HyggeException redeliver(String function, EventOutcome outcome) {
    DeliveryResult first =
        outcome.results().stream().filter(DeliveryResult::retryable).findFirst().orElseThrow();
    String failures =
        outcome.results().stream()
            .filter(DeliveryResult::retryable)
            .map(r -> r.id() + " (" + r.subject() + "): " + r.failure().orElseThrow().message())
            .collect(Collectors.joining("; "));
    return new HyggeException(
        first.failure().orElseThrow().kind(),
        function + " failed where a retry can help, so the host delivers it again: " + failures);
  }
}
