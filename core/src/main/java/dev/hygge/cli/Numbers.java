package dev.hygge.cli;

import java.time.Duration;
import java.util.Locale;

/** Formats counts, sizes, rates and durations the way the CLI prints them. */
final class Numbers {
  private Numbers() {}

  /** {@code 1,234,567}. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** {@code 12.3 MB}. */
  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  /** {@code 2.3s} or {@code 1m04s}. */
  static String duration(Duration d) {
    double seconds = d.toNanos() / 1e9;
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1fs", seconds);
    }
    long whole = (long) seconds;
    return String.format(Locale.ROOT, "%dm%02ds", whole / 60, whole % 60);
  }

  /** {@code 812k rows/s}. */
  static String rate(long rows, Duration d) {
    double seconds = Math.max(d.toNanos() / 1e9, 1e-3);
    double perSecond = rows / seconds;
    if (perSecond >= 1e6) {
      return String.format(Locale.ROOT, "%.2fM rows/s", perSecond / 1e6);
    }
    if (perSecond >= 1e3) {
      return String.format(Locale.ROOT, "%.0fk rows/s", perSecond / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f rows/s", perSecond);
  }
}
