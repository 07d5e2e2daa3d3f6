package dev.hygge.functions.aws;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The remaining time of a Lambda invocation, from what the runtime reports; core keeps its margin
 * back from it ({@code hygge.function.margin-seconds}).
 *
 * @param maxTimeout the longest a Lambda invocation can run ({@code hygge.function.max-timeout}):
 *     the remaining time assumed when the runtime names no deadline (a local runtime such as
 *     Quarkus's mock event server), and the ceiling of any remaining time reported
 */
public record InvocationTime(Duration maxTimeout) {
  /** Default of {@code hygge.function.max-timeout}: Lambda's maximum timeout, 15 minutes. */
  public static final String DEFAULT_MAX_TIMEOUT = "900s";

  public InvocationTime {
    requireNonNull(maxTimeout, "maxTimeout is null");
    if (maxTimeout.isNegative() || maxTimeout.isZero()) {
      throw new IllegalArgumentException(
          "hygge.function.max-timeout must be positive: " + maxTimeout);
    }
  }

  /**
   * The remaining time, from {@code Context.getRemainingTimeInMillis()}. A value that is not
   * positive or beyond {@link #maxTimeout} means the runtime named no deadline (Lambda always does;
   * without one the context computes from zero), so the maximum is assumed.
   */
  public Duration remaining(long remainingMillis) {
    Duration remaining = Duration.ofMillis(remainingMillis);
    if (remainingMillis <= 0 || remaining.compareTo(maxTimeout) > 0) {
      return maxTimeout;
    }
    return remaining;
  }
}
