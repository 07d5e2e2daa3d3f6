package dev.hygge.functions.gcp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Instant;

/**
 * How long one invocation of a function may run. Cloud Functions tells a function neither its
 * deadline nor its remaining time, so the function's configured timeout is repeated in a setting
 * and counted from the moment the invocation starts; core keeps its margin back from what is left.
 */
@ConfigMapping(prefix = "hygge.function")
public interface FunctionTimeout {
  /** The default timeout: the longest Cloud Functions gives an event-driven function. */
  String DEFAULT_TIMEOUT = "540s";

  /**
   * The function's timeout as deployed ({@code timeout_seconds}), setting {@code
   * hygge.function.timeout} (environment {@code HYGGE_FUNCTION_TIMEOUT}): {@code 540s}, {@code 9m},
   * {@code PT540S} or plain seconds.
   */
  @WithDefault(DEFAULT_TIMEOUT)
  Duration timeout();

  /** The time an invocation that started at {@code started} has left at {@code now}. */
  default Duration remaining(Instant started, Instant now) {
    Duration left = timeout().minus(Duration.between(started, now));
    return left.isNegative() ? Duration.ZERO : left;
  }
}
