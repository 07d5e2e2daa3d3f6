package dev.hygge.functions.gcp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.ManualRun;
import dev.hygge.invoke.RunReportView;
import dev.hygge.invoke.events.Delivery;
import dev.hygge.invoke.events.DeliveryResult;
import dev.hygge.invoke.events.EventFunction;
import dev.hygge.invoke.events.EventOutcomeView;
import dev.hygge.invoke.events.ParsedEvent;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The HTTP function {@value #NAME} for a manual run: a JSON body {@code {"flow": "sales", "entity":
 * "orders"}} in, run as a delivery through core like every event, the run report out (200, also
 * when an entity failed). A bad request or a configuration error answers 400, any other failure
 * 500, both with {@code {"error": message}}. A whole flow with a fan-out topic configured is fanned
 * out: 202 with the delivery's view (its {@code reason} says which run messages went where).
 */
@Named(ManualRunFunction.NAME)
@Singleton
public class ManualRunFunction implements HttpFunction {
  /** The bean name, chosen by {@code QUARKUS_GOOGLE_CLOUD_FUNCTIONS_FUNCTION}. */
  public static final String NAME = "manual";

  /** The shape a manual run's delivery is reported with. */
  static final String SHAPE = "HTTP manual run";

  private static final String JSON = "application/json";

  private final ObjectMapper mapper;
  private final EventFunction events;
  private final FunctionTimeout timeout;
  private final Clock clock;

  ManualRunFunction(ObjectMapper mapper, EventFunction events, FunctionTimeout timeout) {
    this.mapper = requireNonNull(mapper, "mapper is null");
    this.events = requireNonNull(events, "events is null");
    this.timeout = requireNonNull(timeout, "timeout is null");
    this.clock = Clock.systemUTC();
  }

  @Override
  public void service(HttpRequest request, HttpResponse response) throws IOException {
    Instant started = clock.instant();
    response.setContentType(JSON);
    Invocation.Scheduled run;
    try {
      run = ManualRun.invocationOf(read(request));
    } catch (HyggeException e) {
      answerError(response, HttpURLConnection.HTTP_BAD_REQUEST, e.getMessage());
      return;
    }
    Delivery delivery = new Delivery.Run(UUID.randomUUID().toString(), subject(run), run);
    DeliveryResult result;
    try {
      result =
          events
              .handle(ParsedEvent.of(SHAPE, delivery), timeout.remaining(started, clock.instant()))
              .results()
              .get(0);
    } catch (HyggeException e) {
      answerError(response, statusOf(e.kind()), e.getMessage());
      return;
    }
    if (result.report().isPresent()) {
      mapper.writeValue(response.getOutputStream(), RunReportView.of(result.report().get()));
    } else if (result.status() == DeliveryResult.DeliveryStatus.FANNED_OUT) {
      response.setStatusCode(HttpURLConnection.HTTP_ACCEPTED);
      mapper.writeValue(response.getOutputStream(), EventOutcomeView.DeliveryView.of(result));
    } else {
      DeliveryResult.Failure failure = result.failure().orElseThrow();
      answerError(response, statusOf(failure.kind()), failure.message());
    }
  }

  private static int statusOf(ErrorKind kind) {
    return kind == ErrorKind.CONFIG
        ? HttpURLConnection.HTTP_BAD_REQUEST
        : HttpURLConnection.HTTP_INTERNAL_ERROR;
  }

  private void answerError(HttpResponse response, int status, String message) throws IOException {
    response.setStatusCode(status);
    mapper.writeValue(response.getOutputStream(), Map.of("error", message));
  }

  private static String subject(Invocation.Scheduled run) {
    return "manual run of flow "
        + run.flow()
        + run.entity().map(e -> ", entity " + e).orElse(" (every entity)");
  }

  private ManualRun read(HttpRequest request) throws IOException {
    try {
      return mapper.readValue(request.getInputStream(), ManualRun.class);
    } catch (JacksonException e) {
      throw HyggeException.config(
          "The request body is not a manual run ("
              + e.getOriginalMessage()
              + "): send JSON like "
              + ManualRun.EXAMPLE
              + ".");
    }
  }
}
