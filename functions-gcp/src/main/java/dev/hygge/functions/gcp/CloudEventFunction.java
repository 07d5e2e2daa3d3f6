package dev.hygge.functions.gcp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.functions.CloudEventsFunction;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.invoke.Disposition;
import dev.hygge.invoke.events.CloudEventAttributes;
import dev.hygge.invoke.events.DeliveryResult;
import dev.hygge.invoke.events.EventFunction;
import dev.hygge.invoke.events.EventOutcome;
import dev.hygge.invoke.events.EventOutcomeView;
import dev.hygge.invoke.events.EventParser;
import dev.hygge.invoke.events.ParsedEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CloudEvents function {@value #NAME}: Eventarc's {@code
 * google.cloud.storage.object.v1.finalized} and {@code
 * google.cloud.pubsub.topic.v1.messagePublished} events, in binary or structured mode, run through
 * core. It throws only when a retry can help, so Eventarc delivers the event again; a poison event
 * is logged and acknowledged.
 */
@Named(CloudEventFunction.NAME)
@Singleton
public class CloudEventFunction implements CloudEventsFunction {
  /** The bean name, chosen by {@code QUARKUS_GOOGLE_CLOUD_FUNCTIONS_FUNCTION}. */
  public static final String NAME = "events";

  private static final Logger LOG = LoggerFactory.getLogger(CloudEventFunction.class);
  private static final byte[] NO_DATA = new byte[0];

  private final EventFunction events;
  private final FunctionTimeout timeout;
  private final ObjectMapper mapper;
  private final Clock clock;

  CloudEventFunction(EventFunction events, FunctionTimeout timeout, ObjectMapper mapper) {
    this.events = requireNonNull(events, "events is null");
    this.timeout = requireNonNull(timeout, "timeout is null");
    this.mapper = requireNonNull(mapper, "mapper is null");
    this.clock = Clock.systemUTC();
  }

  @Override
  public void accept(CloudEvent event) {
    Instant started = clock.instant();
    ParsedEvent parsed;
    try {
      parsed = EventParser.parseCloudEvent(attributesOf(event), dataOf(event));
    } catch (HyggeException e) {
      if (e.kind() != ErrorKind.CONFIG) {
        throw e;
      }
      LOG.error(
          "CloudEvent {} ({} from {}) is poison and is acknowledged without a run (a retry fails"
              + " the same way): {}",
          event.getId(),
          event.getType(),
          event.getSource(),
          e.getMessage());
      return;
    }
    EventOutcome outcome;
    try {
      outcome = events.handle(parsed, timeout.remaining(started, clock.instant()));
    } catch (HyggeException e) {
      if (Disposition.of(e) == Disposition.RETRYABLE) {
        LOG.warn(
            "CloudEvent {} ({}) could not run and is retried: {}",
            event.getId(),
            event.getType(),
            e.getMessage());
        throw e;
      }
      LOG.error(
          "CloudEvent {} ({}) could not run and is acknowledged without a retry (a retry fails the"
              + " same way; objects it announced stay in the bucket for the next run of their"
              + " entity): {}",
          event.getId(),
          event.getType(),
          e.getMessage());
      return;
    }
    log(event, outcome);
    if (outcome.retryable()) {
      throw retry(event, outcome);
    }
  }

  private static CloudEventAttributes attributesOf(CloudEvent event) {
    return new CloudEventAttributes(
        event.getId(),
        event.getType(),
        event.getSource().toString(),
        Optional.ofNullable(event.getSubject()),
        Optional.ofNullable(event.getTime()).map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format));
  }

  private static byte[] dataOf(CloudEvent event) {
    CloudEventData data = event.getData();
    return data == null ? NO_DATA : data.toBytes();
  }

  private void log(CloudEvent event, EventOutcome outcome) {
    String view = json(EventOutcomeView.of(outcome));
    if (outcome.succeeded()) {
      LOG.info("CloudEvent {} ({}) done: {}", event.getId(), event.getType(), view);
    } else if (outcome.retryable()) {
      LOG.warn(
          "CloudEvent {} ({}) failed and is retried: {}", event.getId(), event.getType(), view);
    } else {
      LOG.error(
          "CloudEvent {} ({}) failed and is acknowledged without a retry (poison: a retry fails"
              + " the same way): {}",
          event.getId(),
          event.getType(),
          view);
    }
  }

  private String json(EventOutcomeView view) {
    try {
      return mapper.writeValueAsString(view);
    } catch (JsonProcessingException e) {
      throw new HyggeException(
          ErrorKind.INTERNAL, "Cannot write the outcome of an event as JSON: " + e, e);
    }
  }

  private static HyggeException retry(CloudEvent event, EventOutcome outcome) {
    DeliveryResult.Failure first =
        outcome.results().stream()
            .filter(DeliveryResult::retryable)
            .map(r -> r.failure().orElseThrow())
            .findFirst()
            .orElseThrow();
    String failures =
        outcome.results().stream()
            .filter(DeliveryResult::retryable)
            .map(r -> r.subject() + ": " + r.failure().orElseThrow().message())
            .collect(Collectors.joining("; "));
    return new HyggeException(
        first.kind(),
        "CloudEvent "
            + event.getId()
            + " ("
            + event.getType()
            + ") failed in a way a retry can help, so Eventarc delivers it again: "
            + failures);
  }
}
