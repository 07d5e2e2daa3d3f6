package dev.hygge.functions.aws;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How much of a Lambda invocation's time a run may use: what the runtime says remains, less a
 * margin kept back for the last commit to finish and the response to be sent.
 *
 * @param margin time kept back from the invocation's remaining time ({@code hygge.function.margin})
 * @param maxTimeout the longest a Lambda invocation can run ({@code hygge.function.max-timeout}):
 *     the remaining time assumed when the runtime names no deadline (a local runtime such as
 *     Quarkus's mock event server), and the ceiling of any remaining time reported
 */
public record InvocationTime(Duration margin, Duration maxTimeout) {
  /** Default of {@code hygge.function.margin}. */
  public static final String DEFAULT_MARGIN = "30s";

  /** Default of {@code hygge.function.max-timeout}: Lambda's maximum timeout, 15 minutes. */
  public static final String DEFAULT_MAX_TIMEOUT = "900s";

  public InvocationTime {
    requireNonNull(margin, "margin is null");
    requireNonNull(maxTimeout, "maxTimeout is null");
    if (margin.isNegative()) {
      throw new IllegalArgumentException("hygge.function.margin must not be negative: " + margin);
    }
    if (maxTimeout.isNegative() || maxTimeout.isZero()) {
      throw new IllegalArgumentException(
          "hygge.function.max-timeout must be positive: " + maxTimeout);
    }
  }

  /**
   * The time a run may use, from {@code Context.getRemainingTimeInMillis()}: the remaining time
   * less the margin, never negative. A remaining time that is not positive or beyond {@link
   * #maxTimeout} means the runtime named no deadline (Lambda always does), so the maximum is
   * assumed.
   */
  public Duration usable(long remainingMillis) {
    Duration remaining = Duration.ofMillis(remainingMillis);
    if (remainingMillis <= 0 || remaining.compareTo(maxTimeout) > 0) {
      remaining = maxTimeout;
    }
    Duration usable = remaining.minus(margin);
    return usable.isNegative() ? Duration.ZERO : usable;
  }
}
