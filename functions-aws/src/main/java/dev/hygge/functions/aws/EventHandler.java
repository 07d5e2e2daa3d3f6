package dev.hygge.functions.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hygge.HyggeException;
import dev.hygge.invoke.events.Cloud;
import dev.hygge.invoke.events.EventFunction;
import dev.hygge.invoke.events.EventParser;
import dev.hygge.invoke.events.ParsedEvent;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one Lambda handler for every payload (selected by {@code quarkus.lambda.handler}): passes the
 * raw bytes to core's {@link EventFunction} with the invocation's remaining time, and answers with
 * {@link EventResponses}. SQS batches get {@code batchItemFailures}; everything else (S3
 * notification, EventBridge, Scheduler, direct invocation) gets the outcome.
 */
@Named(EventHandler.NAME)
public final class EventHandler implements RequestStreamHandler {
  /** The bean name {@code quarkus.lambda.handler} selects. */
  public static final String NAME = "hygge";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final InvocationTime time;
  private EventFunction function;

  EventHandler(
      @ConfigProperty(
              name = "hygge.function.max-timeout",
              defaultValue = InvocationTime.DEFAULT_MAX_TIMEOUT)
          Duration maxTimeout) {
    this.time = new InvocationTime(maxTimeout);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    byte[] payload = input.readAllBytes();
    Duration remaining = time.remaining(context.getRemainingTimeInMillis());
    JSON.writeValue(output, respond(payload, remaining, requestId(context)));
  }

  private LambdaResponse respond(byte[] payload, Duration remaining, String requestId) {
    ParsedEvent event;
    try {
      event = EventParser.parse(payload, Optional.of(Cloud.AWS));
    } catch (HyggeException e) {
      return EventResponses.unreadable(requestId, e);
    }
    return EventResponses.of(function().handle(event, remaining));
  }

  /**
   * The function, configured when the first invocation arrives rather than at initialisation, so a
   * SnapStart snapshot holds no project, credentials or clients (it would restore stale ones).
   */
  private synchronized EventFunction function() {
    if (function == null) {
      function = EventFunction.fromEnvironment();
    }
    return function;
  }

  private static String requestId(Context context) {
    return Optional.ofNullable(context.getAwsRequestId()).orElse("request");
  }
}
