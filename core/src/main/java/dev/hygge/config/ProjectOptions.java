package dev.hygge.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Project-wide options from {@code options:} in {@code hygge.yml}.
 *
 * @param concurrency how many entities run at once
 * @param continueOnError whether other entities keep running when one fails
 * @param logLevel {@code error}, {@code warn}, {@code info} or {@code debug}
 * @param secretTimeout how long fetching the project's secrets from secret managers may take
 */
public record ProjectOptions(
    int concurrency, boolean continueOnError, String logLevel, Duration secretTimeout) {
  /** The default {@link #secretTimeout()}. */
  public static final Duration DEFAULT_SECRET_TIMEOUT = Duration.ofSeconds(30);

  public ProjectOptions {
    if (concurrency <= 0) {
      throw new IllegalArgumentException("concurrency must be positive: " + concurrency);
    }
    requireNonNull(logLevel, "logLevel is null");
    requireNonNull(secretTimeout, "secretTimeout is null");
    if (secretTimeout.isNegative() || secretTimeout.isZero()) {
      throw new IllegalArgumentException("secretTimeout must be positive: " + secretTimeout);
    }
  }

  /** Options with the default {@link #secretTimeout()}. */
  public ProjectOptions(int concurrency, boolean continueOnError, String logLevel) {
    this(concurrency, continueOnError, logLevel, DEFAULT_SECRET_TIMEOUT);
  }

  /** The default concurrency for this machine: one entity per core, at least two. */
  public static int defaultConcurrency() {
    return Math.max(2, Runtime.getRuntime().availableProcessors());
  }
}
