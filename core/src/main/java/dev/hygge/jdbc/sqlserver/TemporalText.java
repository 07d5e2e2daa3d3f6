package dev.hygge.jdbc.sqlserver;

import java.time.LocalDate;
import org.apache.arrow.vector.types.TimeUnit;

/**
 * Dates and times as the ISO text SQL Server converts exactly into {@code DATE}, {@code TIME},
 * {@code DATETIME2} and {@code DATETIMEOFFSET}. Bulk copy sends temporal values as text by default
 * anyway, and text involves no JVM time zone, so a wall-clock time never shifts.
 */
final class TemporalText {
  static final long NANOS_PER_SECOND = 1_000_000_000L;
  static final long NANOS_PER_MILLI = 1_000_000L;
  static final long NANOS_PER_MICRO = 1_000L;
  static final long MILLIS_PER_DAY = 86_400_000L;
  static final String UTC_OFFSET = " +00:00";

  private static final long SECONDS_PER_DAY = 86_400L;
  private static final long SECONDS_PER_HOUR = 3_600L;
  private static final long SECONDS_PER_MINUTE = 60L;

  /** SQL Server keeps time to 100 ns: seven fractional digits. */
  private static final long NANOS_PER_TICK = 100L;

  private static final int FRACTION_DIGITS = 7;
  private static final int TIME_TEXT_LENGTH = "HH:mm:ss.fffffff".length();
  private static final int TWO_DIGITS = 10;

  private TemporalText() {}

  /** Nanoseconds in one {@code unit}. */
  static long nanosPer(TimeUnit unit) {
    return switch (unit) {
      case SECOND -> NANOS_PER_SECOND;
      case MILLISECOND -> NANOS_PER_MILLI;
      case MICROSECOND -> NANOS_PER_MICRO;
      case NANOSECOND -> 1L;
    };
  }

  /** {@code yyyy-MM-dd}. */
  static String date(long epochDay) {
    return LocalDate.ofEpochDay(epochDay).toString();
  }

  /** {@code HH:mm:ss.fffffff} for a time of day in nanoseconds (below 100 ns dropped). */
  static String time(long nanosOfDay) {
    StringBuilder text = new StringBuilder(TIME_TEXT_LENGTH);
    appendTime(text, nanosOfDay);
    return text.toString();
  }

  /** {@code yyyy-MM-dd HH:mm:ss.fffffff} for {@code value} units of {@code nanosPerUnit}. */
  static String dateTime(long value, long nanosPerUnit) {
    long unitsPerSecond = NANOS_PER_SECOND / nanosPerUnit;
    long seconds = Math.floorDiv(value, unitsPerSecond);
    long nanos = Math.floorMod(value, unitsPerSecond) * nanosPerUnit;
    long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
    long secondOfDay = Math.floorMod(seconds, SECONDS_PER_DAY);
    StringBuilder text = new StringBuilder(date(day)).append(' ');
    appendTime(text, secondOfDay * NANOS_PER_SECOND + nanos);
    return text.toString();
  }

  private static void appendTime(StringBuilder text, long nanosOfDay) {
    long seconds = nanosOfDay / NANOS_PER_SECOND;
    two(text, seconds / SECONDS_PER_HOUR).append(':');
    two(text, seconds % SECONDS_PER_HOUR / SECONDS_PER_MINUTE).append(':');
    two(text, seconds % SECONDS_PER_MINUTE).append('.');
    String ticks = Long.toString(nanosOfDay % NANOS_PER_SECOND / NANOS_PER_TICK);
    text.append("0".repeat(FRACTION_DIGITS - ticks.length())).append(ticks);
  }

  private static StringBuilder two(StringBuilder text, long value) {
    return text.append(value < TWO_DIGITS ? "0" : "").append(value);
  }
}
