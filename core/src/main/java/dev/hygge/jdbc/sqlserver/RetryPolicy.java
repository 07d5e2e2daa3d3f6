package dev.hygge.jdbc.sqlserver;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.LongUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work again after a transient SQL Server failure, up to {@code attempts} times, waiting an
 * exponentially growing, capped delay with full jitter in between.
 *
 * @param attempts how often the work runs at most (1 = no retry)
 * @param firstDelay the delay before the second attempt, before jitter
 * @param maxDelay the longest delay between attempts
 * @param jitter picks the actual delay in {@code [0, bound]} milliseconds, given the bound
 * @param sleeper waits that many milliseconds
 */
public record RetryPolicy(
    int attempts,
    Duration firstDelay,
    Duration maxDelay,
    LongUnaryOperator jitter,
    Sleeper sleeper) {
  private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);

  /** The default number of attempts. */
  public static final int DEFAULT_ATTEMPTS = 5;

  /** The default delay before the first retry. */
  public static final Duration DEFAULT_FIRST_DELAY = Duration.ofMillis(500);

  /** The default cap on a delay. */
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(30);

  public RetryPolicy {
    requireNonNull(firstDelay, "firstDelay is null");
    requireNonNull(maxDelay, "maxDelay is null");
    requireNonNull(jitter, "jitter is null");
    requireNonNull(sleeper, "sleeper is null");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
    }
    if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException("delays must satisfy 0 <= firstDelay <= maxDelay");
    }
  }

  /** Waits between attempts. */
  @FunctionalInterface
  public interface Sleeper {
    /** Waits {@code millis} milliseconds. */
    void sleep(long millis) throws InterruptedException;
  }

  /** Work that may fail with a {@link SQLException}. */
  @FunctionalInterface
  public interface Attempt<T> {
    /** Runs the work once. */
    T run() throws SQLException;
  }

  /** The default policy: 5 attempts, 0.5 s doubling up to 30 s, full jitter, real sleeps. */
  public static RetryPolicy standard() {
    return new RetryPolicy(
        DEFAULT_ATTEMPTS,
        DEFAULT_FIRST_DELAY,
        DEFAULT_MAX_DELAY,
        bound -> java.util.concurrent.ThreadLocalRandom.current().nextLong(bound + 1),
        Thread::sleep);
  }

  /**
   * Runs {@code attempt}, again after each transient failure while attempts are left.
   *
   * @param what the work, for the log
   * @throws SQLException the last failure, or the first one that is not transient; earlier failures
   *     are attached as suppressed
   */
  public <T> T run(String what, Attempt<T> attempt) throws SQLException {
    SQLException first = null;
    for (int number = 1; ; number++) {
      try {
        return attempt.run();
      } catch (SQLException e) {
        if (first != null) {
          e.addSuppressed(first);
        }
        if (number >= attempts || !TransientErrors.isTransient(e)) {
          throw e;
        }
        first = e;
        long wait = jitter.applyAsLong(delayBound(number));
        LOG.warn(
            "{} failed with a transient error ({}, code {}); attempt {} of {} in {} ms",
            what,
            e.getMessage(),
            e.getErrorCode(),
            number + 1,
            attempts,
            wait);
        pause(wait, e);
      }
    }
  }

  /** The upper bound of the delay after attempt {@code number}, before jitter, in milliseconds. */
  long delayBound(int number) {
    long max = maxDelay.toMillis();
    long delay = firstDelay.toMillis();
    for (int i = 1; i < number && delay < max; i++) {
      delay *= 2;
    }
    return Math.min(delay, max);
  }

  private void pause(long millis, SQLException cause) throws SQLException {
    try {
      sleeper.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      SQLException interrupted = new SQLException("interrupted while waiting to retry", e);
      interrupted.addSuppressed(cause);
      throw interrupted;
    }
  }
}
