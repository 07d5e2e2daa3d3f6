package dev.hygge.config;

import static java.util.Objects.requireNonNull;

/**
 * Project-wide options from {@code options:} in {@code hygge.yml}.
 *
 * @param concurrency how many entities run at once
 * @param continueOnError whether other entities keep running when one fails
 * @param logLevel {@code error}, {@code warn}, {@code info} or {@code debug}
 */
public record ProjectOptions(int concurrency, boolean continueOnError, String logLevel) {
  public ProjectOptions {
    if (concurrency <= 0) {
      throw new IllegalArgumentException("concurrency must be positive: " + concurrency);
    }
    requireNonNull(logLevel, "logLevel is null");
  }

  /** The default concurrency for this machine: one entity per core, at least two. */
  public static int defaultConcurrency() {
    return Math.max(2, Runtime.getRuntime().availableProcessors());
  }
}
