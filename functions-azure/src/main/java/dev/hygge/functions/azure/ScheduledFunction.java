package dev.hygge.functions.azure;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.annotation.ExponentialBackoffRetry;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import dev.hygge.HyggeException;
import dev.hygge.invoke.ManualRun;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The timer-triggered Azure Function {@code Scheduled}: on the NCRONTAB schedule in the app setting
 * {@code HYGGE_SCHEDULE}, sends one run message per entity of the flow {@code HYGGE_SCHEDULE_FLOW}
 * to the fan-out queue ({@code HYGGE_FANOUT_QUEUE}) so each entity runs in its own {@code FanOut}
 * invocation, or without a queue runs the flow here as the run message {@code {"flow": "<flow>"}}.
 * A failure a retry can help is thrown, and the retry policy runs it again.
 */
public final class ScheduledFunction {
  /** The function's name, as the host knows it. */
  public static final String NAME = "Scheduled";

  /** The schedule: the app setting {@code HYGGE_SCHEDULE}, resolved by the host. */
  public static final String SCHEDULE = "%HYGGE_SCHEDULE%";

  /** The setting naming the flow (environment variable {@code HYGGE_SCHEDULE_FLOW}). */
  public static final String FLOW_SETTING = "hygge.schedule-flow";

  /** Retries of a run that failed where a retry can help (the host's retry policy). */
  public static final int RETRIES = 3;

  /** The wait before the first retry. */
  public static final String FIRST_RETRY_DELAY = "00:00:30";

  /** The longest wait between retries. */
  public static final String LONGEST_RETRY_DELAY = "00:05:00";

  private final AzureEventHandler handler;
  private final ObjectMapper mapper;
  private final Optional<String> flow;

  ScheduledFunction(
      AzureEventHandler handler,
      ObjectMapper mapper,
      @ConfigProperty(name = FLOW_SETTING) Optional<String> flow) {
    this.handler = requireNonNull(handler, "handler is null");
    this.mapper = requireNonNull(mapper, "mapper is null");
    this.flow = requireNonNull(flow, "flow is null").map(String::strip).filter(f -> !f.isEmpty());
  }

  /**
   * Runs the scheduled flow.
   *
   * @param timer the host's timer information (schedule status, whether it is past due)
   * @throws HyggeException of kind CONFIG when {@code HYGGE_SCHEDULE_FLOW} is not set; as {@link
   *     AzureEventHandler#handle} when a retry can help
   */
  @FunctionName(NAME)
  @ExponentialBackoffRetry(
      maxRetryCount = RETRIES,
      minimumInterval = FIRST_RETRY_DELAY,
      maximumInterval = LONGEST_RETRY_DELAY)
  public void run(@TimerTrigger(name = "timer", schedule = SCHEDULE) String timer)
      throws JsonProcessingException {
    Instant started = Instant.now();
    String name =
        flow.orElseThrow(
            () ->
                HyggeException.config(
                    NAME
                        + " has no flow to run: set the app setting HYGGE_SCHEDULE_FLOW to a flow"
                        + " of the project, e.g. sales."));
    handler.handle(NAME, mapper.writeValueAsBytes(new ManualRun(name, null)), started);
  }
}
