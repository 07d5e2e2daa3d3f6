package dev.hygge.invoke.events;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import dev.hygge.config.Project;
import dev.hygge.config.source.ProjectSource;
import dev.hygge.config.source.ProjectSourceSettings;
import dev.hygge.config.source.ProjectSources;
import dev.hygge.flow.TimeBudget;
import dev.hygge.invoke.fanout.FanOutSettings;
import dev.hygge.invoke.fanout.RunQueue;
import dev.hygge.invoke.fanout.RunQueues;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What a cloud function does with what it receives, whatever the cloud: load the project ({@code
 * HYGGE_PROJECT}, local or in object storage), run the payload's deliveries within the invocation's
 * remaining time, fan a whole-flow schedule out to the queue when one is configured, and send
 * continuation messages for entities stopped at the time budget. Adapters translate the cloud's
 * event into a call here and the {@link EventOutcome} into the cloud's response; nothing else.
 */
public final class EventFunction {
  /** Time kept back from the invocation's remaining time for the last commit and the response. */
  public static final String MARGIN_SECONDS = "hygge.function.margin-seconds";

  /** The margin when {@value #MARGIN_SECONDS} is not set. */
  public static final Duration DEFAULT_MARGIN = Duration.ofSeconds(30);

  private final ProjectSource source;
  private final FanOutSettings fanOut;
  private final Duration margin;

  /**
   * @param source where the project comes from
   * @param fanOut the fan-out queue, if any
   * @param margin time kept back from each invocation's remaining time
   */
  public EventFunction(ProjectSource source, FanOutSettings fanOut, Duration margin) {
    this.source = requireNonNull(source, "source is null");
    this.fanOut = requireNonNull(fanOut, "fanOut is null");
    this.margin = requireNonNull(margin, "margin is null");
    if (margin.isNegative()) {
      throw new IllegalArgumentException("margin must not be negative: " + margin);
    }
  }

  /**
   * The function as its environment configures it ({@code HYGGE_PROJECT}, {@code HYGGE_FANOUT_*},
   * {@code HYGGE_FUNCTION_MARGIN_SECONDS}), with the process's one shared project source.
   *
   * @throws HyggeException of kind CONFIG naming the setting when one is malformed
   */
  public static EventFunction fromEnvironment() {
    return from(ConfigProvider.getConfig());
  }

  /** The function as {@code config} configures it (see {@link #fromEnvironment()}). */
  public static EventFunction from(Config config) {
    requireNonNull(config, "config is null");
    long seconds =
        config.getOptionalValue(MARGIN_SECONDS, Long.class).orElse(DEFAULT_MARGIN.toSeconds());
    if (seconds < 0) {
      throw HyggeException.config(
          "HYGGE_FUNCTION_MARGIN_SECONDS must be zero or more seconds, not " + seconds + ".");
    }
    return new EventFunction(
        ProjectSources.shared(ProjectSourceSettings.from(config)),
        FanOutSettings.from(config),
        Duration.ofSeconds(seconds));
  }

  /**
   * Handles a payload as it arrived.
   *
   * @param remaining the invocation's remaining time
   * @throws HyggeException of kind CONFIG when the project cannot be loaded or the payload as a
   *     whole cannot be understood; failures of single deliveries are in the outcome
   */
  public EventOutcome handle(byte[] payload, Cloud cloud, Duration remaining) {
    requireNonNull(payload, "payload is null");
    requireNonNull(cloud, "cloud is null");
    return handle(EventParser.parse(payload, Optional.of(cloud)), remaining);
  }

  /**
   * Handles a parsed payload, e.g. a binary-mode CloudEvent ({@link EventParser#parseCloudEvent}).
   *
   * @throws HyggeException as {@link #handle(byte[], Cloud, Duration)}
   */
  public EventOutcome handle(ParsedEvent event, Duration remaining) {
    requireNonNull(event, "event is null");
    requireNonNull(remaining, "remaining is null");
    TimeBudget budget = TimeBudget.remaining(remaining, margin);
    Project project = source.load();
    Optional<RunQueue> queue = RunQueues.open(fanOut);
    try {
      return new EventRunner(project, queue).run(event, budget);
    } finally {
      queue.ifPresent(RunQueue::close);
    }
  }
}
