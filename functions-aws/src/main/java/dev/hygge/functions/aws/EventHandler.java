package dev.hygge.functions.aws;

import static java.util.Objects.requireNonNull;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hygge.HyggeException;
import dev.hygge.config.ProjectLoader;
import dev.hygge.flow.TimeBudget;
import dev.hygge.invoke.events.Cloud;
import dev.hygge.invoke.events.EventOutcome;
import dev.hygge.invoke.events.EventParser;
import dev.hygge.invoke.events.EventRunner;
import dev.hygge.invoke.events.ParsedEvent;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one Lambda handler for every payload (selected by {@code quarkus.lambda.handler}): passes the
 * raw bytes to core's event parser and runner with the invocation's remaining time less a margin,
 * and answers with {@link EventResponses}. SQS batches get {@code batchItemFailures}; everything
 * else (S3 notification, EventBridge, Scheduler, direct invocation) gets the outcome.
 */
@Named(EventHandler.NAME)
public final class EventHandler implements RequestStreamHandler {
  /** The bean name {@code quarkus.lambda.handler} selects. */
  public static final String NAME = "hygge";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path projectDir;
  private final InvocationTime time;

  EventHandler(
      @ConfigProperty(name = "hygge.project", defaultValue = ".") String projectDir,
      @ConfigProperty(name = "hygge.function.margin", defaultValue = InvocationTime.DEFAULT_MARGIN)
          Duration margin,
      @ConfigProperty(
              name = "hygge.function.max-timeout",
              defaultValue = InvocationTime.DEFAULT_MAX_TIMEOUT)
          Duration maxTimeout) {
    this.projectDir = Path.of(requireNonNull(projectDir, "projectDir is null"));
    this.time = new InvocationTime(margin, maxTimeout);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    byte[] payload = input.readAllBytes();
    Duration usable = time.usable(context.getRemainingTimeInMillis());
    JSON.writeValue(output, respond(payload, usable, requestId(context)));
  }

  private LambdaResponse respond(byte[] payload, Duration usable, String requestId) {
    ParsedEvent event;
    try {
      event = EventParser.parse(payload, Optional.of(Cloud.AWS));
    } catch (HyggeException e) {
      return EventResponses.unreadable(requestId, e);
    }
    EventRunner runner = new EventRunner(ProjectLoader.load(projectDir));
    EventOutcome outcome = runner.run(event, TimeBudget.remaining(usable, Duration.ZERO));
    return EventResponses.of(outcome);
  }

  private static String requestId(Context context) {
    return Optional.ofNullable(context.getAwsRequestId()).orElse("request");
  }
}
