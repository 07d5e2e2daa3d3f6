package dev.hygge.jdbc.sqlserver;

import java.time.LocalDate;
import org.apache.arrow.vector.types.TimeUnit;

/**
 * Dates and times as the ISO text SQL Server converts exactly into {@code DATE}, {@code TIME},
 * {@code DATETIME2} and {@code DATETIMEOFFSET}. Bulk copy sends temporal values as text by default
 * anyway, and text involves no JVM time zone, so a wall-clock time never shifts. The digits are
 * written straight into one char array per value: this runs once per temporal cell.
 */
final class TemporalText {
  static final long NANOS_PER_SECOND = 1_000_000_000L;
  static final long NANOS_PER_MILLI = 1_000_000L;
  static final long NANOS_PER_MICRO = 1_000L;
  static final long MILLIS_PER_DAY = 86_400_000L;
  static final String UTC_OFFSET = " +00:00";

  private static final long SECONDS_PER_DAY = 86_400L;
  private static final int SECONDS_PER_HOUR = 3_600;
  private static final int SECONDS_PER_MINUTE = 60;

  /** SQL Server keeps time to 100 ns: seven fractional digits. */
  private static final long NANOS_PER_TICK = 100L;

  private static final int FRACTION_DIGITS = 7;
  private static final int DATE_LENGTH = "yyyy-MM-dd".length();
  private static final int TIME_LENGTH = "HH:mm:ss.fffffff".length();
  private static final int LAST_FOUR_DIGIT_YEAR = 9999;
  private static final int DECIMAL = 10;

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
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    if (date.getYear() < 0 || date.getYear() > LAST_FOUR_DIGIT_YEAR) {
      return date.toString(); // out of SQL Server's range: the server names the bad value
    }
    char[] text = new char[DATE_LENGTH];
    putDate(text, date);
    return new String(text);
  }

  /** {@code HH:mm:ss.fffffff} for a time of day in nanoseconds (below 100 ns dropped). */
  static String time(long nanosOfDay) {
    char[] text = new char[TIME_LENGTH];
    putTime(text, 0, nanosOfDay);
    return new String(text);
  }

  /** {@code yyyy-MM-dd HH:mm:ss.fffffff} for {@code value} units of {@code nanosPerUnit}. */
  static String dateTime(long value, long nanosPerUnit) {
    long unitsPerSecond = NANOS_PER_SECOND / nanosPerUnit;
    long seconds = Math.floorDiv(value, unitsPerSecond);
    long nanos = Math.floorMod(value, unitsPerSecond) * nanosPerUnit;
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
    long nanosOfDay = Math.floorMod(seconds, SECONDS_PER_DAY) * NANOS_PER_SECOND + nanos;
    if (date.getYear() < 0 || date.getYear() > LAST_FOUR_DIGIT_YEAR) {
      return date + " " + time(nanosOfDay);
    }
    char[] text = new char[DATE_LENGTH + 1 + TIME_LENGTH];
    putDate(text, date);
    text[DATE_LENGTH] = ' ';
    putTime(text, DATE_LENGTH + 1, nanosOfDay);
    return new String(text);
  }

  private static void putDate(char[] text, LocalDate date) {
    put(text, 0, date.getYear(), 4);
    text[4] = '-';
    put(text, 5, date.getMonthValue(), 2);
    text[7] = '-';
    put(text, 8, date.getDayOfMonth(), 2);
  }

  private static void putTime(char[] text, int at, long nanosOfDay) {
    int seconds = (int) (nanosOfDay / NANOS_PER_SECOND);
    put(text, at, seconds / SECONDS_PER_HOUR, 2);
    text[at + 2] = ':';
    put(text, at + 3, seconds % SECONDS_PER_HOUR / SECONDS_PER_MINUTE, 2);
    text[at + 5] = ':';
    put(text, at + 6, seconds % SECONDS_PER_MINUTE, 2);
    text[at + 8] = '.';
    put(text, at + 9, nanosOfDay % NANOS_PER_SECOND / NANOS_PER_TICK, FRACTION_DIGITS);
  }

  /** Writes {@code value} as exactly {@code digits} zero-padded decimal digits at {@code at}. */
  private static void put(char[] text, int at, long value, int digits) {
    long rest = value;
    for (int i = at + digits - 1; i >= at; i--) {
      text[i] = (char) ('0' + rest % DECIMAL);
      rest /= DECIMAL;
    }
  }
}
