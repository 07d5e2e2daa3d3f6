package dev.hygge.functions.gcp;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * How long one invocation of a function may run. Cloud Functions tells a function neither its
 * deadline nor its remaining time, so the function's timeout as deployed ({@code timeout_seconds})
 * is repeated in the setting {@value #SETTING} (environment {@code HYGGE_FUNCTION_TIMEOUT}: {@code
 * 540s}, {@code 9m}, {@code PT540S} or plain seconds) and counted from the moment the invocation
 * starts; core keeps its margin back from what is left.
 *
 * @param timeout the function's timeout
 */
public record FunctionTimeout(Duration timeout) {
  /** The setting. */
  public static final String SETTING = "hygge.function.timeout";

  /** The default: the longest Cloud Functions gives an event-driven function. */
  public static final String DEFAULT = "540s";

  public FunctionTimeout {
    requireNonNull(timeout, "timeout is null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(SETTING + " must be positive: " + timeout);
    }
  }

  /** The time an invocation that started at {@code started} has left at {@code now}. */
  public Duration remaining(Instant started, Instant now) {
    Duration left = timeout.minus(Duration.between(started, now));
    return left.isNegative() ? Duration.ZERO : left;
  }
}
