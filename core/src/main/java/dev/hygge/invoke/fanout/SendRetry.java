package dev.hygge.invoke.fanout;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How often a run message a queue refused is sent again, and how long to wait in between: the wait
 * doubles from {@code firstBackoff} up to {@code maxBackoff}.
 *
 * @param attempts tries per message in all, at least 1
 * @param firstBackoff the wait before the second try
 * @param maxBackoff the longest wait between tries
 */
public record SendRetry(int attempts, Duration firstBackoff, Duration maxBackoff) {
  /** The default number of tries: {@value}. */
  public static final int DEFAULT_ATTEMPTS = 5;

  /** The default first wait. */
  public static final Duration DEFAULT_FIRST_BACKOFF = Duration.ofMillis(200);

  /** The default longest wait. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);

  public SendRetry {
    requireNonNull(firstBackoff, "firstBackoff is null");
    requireNonNull(maxBackoff, "maxBackoff is null");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
    }
    if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
      throw new IllegalArgumentException(
          "backoff must be 0 or more and maxBackoff at least firstBackoff");
    }
  }

  /** Five tries, waiting 200ms, 400ms, 800ms, 1.6s. */
  public static SendRetry defaults() {
    return new SendRetry(DEFAULT_ATTEMPTS, DEFAULT_FIRST_BACKOFF, DEFAULT_MAX_BACKOFF);
  }

  /** The wait after try {@code attempt} (1 for the first) failed. */
  Duration backoffAfter(int attempt) {
    Duration wait = firstBackoff;
    for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
