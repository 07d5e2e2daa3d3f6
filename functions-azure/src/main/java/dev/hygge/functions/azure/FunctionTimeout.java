package dev.hygge.functions.azure;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long one invocation of a function may run, as the Functions host enforces it ({@code
 * functionTimeout} in {@code host.json}). The Java worker's {@code ExecutionContext} does not tell
 * the remaining time, so it is counted from the invocation's start; core keeps its margin ({@code
 * HYGGE_FUNCTION_MARGIN_SECONDS}) back from it.
 *
 * @param limit the host's timeout, or empty when it has none ({@code -1} on Premium and Dedicated
 *     plans)
 */
public record FunctionTimeout(Optional<Duration> limit) {
  /** The setting naming the timeout (environment variable {@code HYGGE_FUNCTION_TIMEOUT}). */
  public static final String SETTING = "hygge.function.timeout";

  /**
   * The app setting that overrides {@code host.json}'s {@code functionTimeout}; read when {@value
   * #SETTING} is not set, so the host and hygge agree.
   */
  public static final String HOST_SETTING = "AzureFunctionsJobHost__functionTimeout";

  /**
   * The {@code functionTimeout} of the {@code host.json} this package ships: the Consumption plan's
   * longest, and below the Flex Consumption plan's default of 30 minutes.
   */
  public static final String PACKAGED_LIMIT = "00:10:00";

  /**
   * The time an invocation without a limit is given: longer than any run, so the budget never stops
   * one.
   */
  public static final Duration UNLIMITED = Duration.ofDays(7);

  private static final String NO_LIMIT = "-1";
  private static final Pattern TIME_SPAN =
      Pattern.compile("(?:(\\d+)\\.)?(\\d{1,2}):(\\d{1,2}):(\\d{1,2})");

  public FunctionTimeout {
    requireNonNull(limit, "limit is null");
  }

  /**
   * The timeout the settings give, each a .NET time span as {@code host.json} writes it ({@code
   * hh:mm:ss} or {@code d.hh:mm:ss}), or {@code -1} for none.
   *
   * @param configured {@value #SETTING}, if set
   * @param host {@value #HOST_SETTING}, if set
   * @throws HyggeException of kind CONFIG naming the setting when a value is not a time span
   */
  public static FunctionTimeout of(Optional<String> configured, Optional<String> host) {
    String setting = configured.isPresent() ? SETTING : HOST_SETTING;
    String limit = configured.or(() -> host).orElse(PACKAGED_LIMIT).strip();
    if (limit.equals(NO_LIMIT)) {
      return new FunctionTimeout(Optional.empty());
    }
    return new FunctionTimeout(Optional.of(timeSpan(setting, limit)));
  }

  /**
   * The time an invocation that started at {@code start} may still use at {@code now} (zero once
   * spent), or {@link #UNLIMITED} when the host sets no limit.
   */
  public Duration remaining(Instant start, Instant now) {
    return limit
        .map(
            l -> {
              Duration left = l.minus(Duration.between(start, now));
              return left.isNegative() ? Duration.ZERO : left;
            })
        .orElse(UNLIMITED);
  }

  private static Duration timeSpan(String setting, String text) {
    Matcher m = TIME_SPAN.matcher(text);
    if (!m.matches()) {
      throw HyggeException.config(
          setting
              + " is '"
              + text
              + "': write a time span as host.json's functionTimeout does, e.g. 00:10:00"
              + " (hh:mm:ss), or -1 for no limit.");
    }
    long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
    return Duration.ofDays(days)
        .plusHours(Long.parseLong(m.group(2)))
        .plusMinutes(Long.parseLong(m.group(3)))
        .plusSeconds(Long.parseLong(m.group(4)));
  }
}
