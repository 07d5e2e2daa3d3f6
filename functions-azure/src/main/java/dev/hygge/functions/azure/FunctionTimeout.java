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
 * functionTimeout} in {@code host.json}), and the margin kept back from it for the last commit and
 * the host's bookkeeping. The Java worker's {@code ExecutionContext} does not tell the remaining
 * time, so it is counted from the invocation's start.
 *
 * @param limit the host's timeout, or empty when it has none ({@code -1} on Premium and Dedicated
 *     plans)
 * @param margin kept back from the limit
 */
public record FunctionTimeout(Optional<Duration> limit, Duration margin) {
  /** The setting naming the timeout (environment variable {@code HYGGE_FUNCTION_TIMEOUT}). */
  public static final String SETTING = "hygge.function-timeout";

  /**
   * The app setting that overrides {@code host.json}'s {@code functionTimeout}; read when {@value
   * #SETTING} is not set, so the host and hygge agree.
   */
  public static final String HOST_SETTING = "AzureFunctionsJobHost__functionTimeout";

  /** The setting naming the margin (environment variable {@code HYGGE_FUNCTION_TIMEOUT_MARGIN}). */
  public static final String MARGIN_SETTING = "hygge.function-timeout-margin";

  /**
   * The {@code functionTimeout} of the {@code host.json} this package ships: the Consumption plan's
   * longest, and below the Flex Consumption plan's default of 30 minutes.
   */
  public static final String PACKAGED_LIMIT = "00:10:00";

  /** The margin when none is set. */
  public static final String DEFAULT_MARGIN = "00:01:00";

  private static final String UNLIMITED = "-1";
  private static final Pattern TIME_SPAN =
      Pattern.compile("(?:(\\d+)\\.)?(\\d{1,2}):(\\d{1,2}):(\\d{1,2})");

  public FunctionTimeout {
    requireNonNull(limit, "limit is null");
    requireNonNull(margin, "margin is null");
    if (margin.isNegative()) {
      throw new IllegalArgumentException("margin is negative: " + margin);
    }
  }

  /**
   * The timeout the settings give, each a .NET time span as {@code host.json} writes it ({@code
   * hh:mm:ss}, {@code d.hh:mm:ss}, or {@code -1} for none).
   *
   * @param configured {@value #SETTING}, if set
   * @param host {@value #HOST_SETTING}, if set
   * @param margin {@value #MARGIN_SETTING}
   * @throws HyggeException of kind CONFIG naming the setting when a value is not a time span
   */
  public static FunctionTimeout of(
      Optional<String> configured, Optional<String> host, String margin) {
    String setting = configured.isPresent() ? SETTING : HOST_SETTING;
    String limit = configured.or(() -> host).orElse(PACKAGED_LIMIT).strip();
    Optional<Duration> parsed =
        limit.equals(UNLIMITED) ? Optional.empty() : Optional.of(timeSpan(setting, limit));
    return new FunctionTimeout(parsed, timeSpan(MARGIN_SETTING, margin.strip()));
  }

  /**
   * The time an invocation that started at {@code start} may still use at {@code now}, less the
   * margin (zero once spent), or empty when the host sets no limit.
   */
  public Optional<Duration> remaining(Instant start, Instant now) {
    return limit.map(
        l -> {
          Duration left = l.minus(Duration.between(start, now)).minus(margin);
          return left.isNegative() ? Duration.ZERO : left;
        });
  }

  private static Duration timeSpan(String setting, String text) {
    Matcher m = TIME_SPAN.matcher(text);
    if (!m.matches()) {
      throw HyggeException.config(
          setting
              + " is '"
              + text
              + "': write a time span as host.json's functionTimeout does, e.g. 00:10:00"
              + " (hh:mm:ss)"
              + (setting.equals(MARGIN_SETTING) ? "" : ", or -1 for no limit")
              + ".");
    }
    long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
    return Duration.ofDays(days)
        .plusHours(Long.parseLong(m.group(2)))
        .plusMinutes(Long.parseLong(m.group(3)))
        .plusSeconds(Long.parseLong(m.group(4)));
  }
}
