package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far behind the last watermark a run starts reading, to pick up late-arriving rows: a duration
 * ({@code 30m}, {@code 2h}, {@code 1d}) for timestamp and date columns, a number for integer
 * columns.
 *
 * @param text the setting as written
 * @param duration the duration, when written with a unit
 * @param amount the number, when written without a unit
 */
public record Lookback(String text, Optional<Duration> duration, long amount) {
  private static final Pattern NUMBER = Pattern.compile("\\d+");

  public Lookback {
    requireNonNull(text, "text is null");
    requireNonNull(duration, "duration is null");
    if (amount < 0) {
      throw new IllegalArgumentException("lookback must not be negative");
    }
  }

  /**
   * Parses a lookback.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static Lookback parse(String text) {
    String trimmed = text.trim();
    Matcher number = NUMBER.matcher(trimmed);
    if (number.matches()) {
      return new Lookback(trimmed, Optional.empty(), Long.parseLong(trimmed));
    }
    return new Lookback(trimmed, Optional.of(DurationText.parse(trimmed)), 0);
  }
}
