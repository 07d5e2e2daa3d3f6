package dev.hygge.functions.azure;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import dev.hygge.invoke.Disposition;
import dev.hygge.invoke.events.Cloud;
import dev.hygge.invoke.events.DeliveryResult;
import dev.hygge.invoke.events.EventFunction;
import dev.hygge.invoke.events.EventOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the event-driven Azure functions share: hands a payload to core's {@link EventFunction}
 * (which loads the project, runs the deliveries within the invocation's remaining time, fans a
 * whole-flow schedule out to {@code HYGGE_FANOUT_QUEUE} and sends continuations), logs how each
 * delivery ended, and turns the outcome into what the Functions host understands. A failure a retry
 * can help is thrown, so the host delivers again (Event Grid retries; a queue message returns until
 * {@code maxDequeueCount}, then goes to the poison queue); a poison delivery is logged and
 * returned, so it is never delivered again in vain.
 */
@ApplicationScoped
public class AzureEventHandler {
  private static final Logger LOG = LoggerFactory.getLogger(AzureEventHandler.class);

  private final EventFunction events;
  private final FunctionTimeout timeout;
  private final Clock clock;

  AzureEventHandler(
      Config config,
      @ConfigProperty(name = FunctionTimeout.SETTING) Optional<String> timeout,
      @ConfigProperty(name = FunctionTimeout.HOST_SETTING) Optional<String> hostTimeout) {
    this.events = EventFunction.from(config);
    this.timeout = FunctionTimeout.of(timeout, hostTimeout);
    this.clock = Clock.systemUTC();
  }

  /**
   * Runs what a payload asks for, for the function {@code function} whose invocation started at
   * {@code started}.
   *
   * @return the outcome, when nothing needs to be delivered again (poison deliveries included);
   *     empty when the payload as a whole was poison
   * @throws HyggeException when a delivery failed and a retry can help, naming each such delivery:
   *     the host delivers the payload again
   */
  public Optional<EventOutcome> handle(String function, byte[] payload, Instant started) {
    requireNonNull(function, "function is null");
    requireNonNull(payload, "payload is null");
    requireNonNull(started, "started is null");
    EventOutcome outcome;
    try {
      outcome = events.handle(payload, Cloud.AZURE, timeout.remaining(started, clock.instant()));
    } catch (HyggeException e) {
      if (Disposition.of(e) == Disposition.RETRYABLE) {
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
    if (outcome.retryable()) {
      throw redeliver(function, outcome);
    }
    return Optional.of(outcome);
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
      case FANNED_OUT, IGNORED ->
          LOG.info(
              "{}: delivery {} ({}) {}: {}",
              function,
              result.id(),
              result.subject(),
              result.status(),
              result.reason().orElse(""));
      case FAILED ->
          LOG.error(
              "{}: delivery {} ({}) failed, {}: {}",
              function,
              result.id(),
              result.subject(),
              result.retryable()
                  ? "retryable, the host delivers it again"
                  : "poison, dropped since a retry would fail alike",
              result.failure().orElseThrow().message());
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
