package dev.hygge.functions.gcp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.time.Instant;

/**
 * How long one invocation of a function may run. Cloud Functions tells a function neither its
 * deadline nor its remaining time, so the function's configured timeout is repeated here and
 * counted from the moment the invocation starts.
 */
@ConfigMapping(prefix = "hygge.function")
public interface FunctionTimeout {
  /** The default timeout: the longest Cloud Functions gives an event-driven function. */
  String DEFAULT_TIMEOUT = "540s";

  /** The default margin kept back for the last commit to finish and the answer to be sent. */
  String DEFAULT_MARGIN = "30s";

  /**
   * The function's timeout as deployed ({@code timeout_seconds}), setting {@code
   * hygge.function.timeout} (environment {@code HYGGE_FUNCTION_TIMEOUT}).
   */
  @WithDefault(DEFAULT_TIMEOUT)
  Duration timeout();

  /**
   * Time kept back from the timeout, setting {@code hygge.function.timeout-margin} (environment
   * {@code HYGGE_FUNCTION_TIMEOUT_MARGIN}).
   */
  @WithName("timeout-margin")
  @WithDefault(DEFAULT_MARGIN)
  Duration margin();

  /** The time an invocation that started at {@code started} has left at {@code now}. */
  default Duration remaining(Instant started, Instant now) {
    Duration left = timeout().minus(Duration.between(started, now));
    return left.isNegative() ? Duration.ZERO : left;
  }
}
