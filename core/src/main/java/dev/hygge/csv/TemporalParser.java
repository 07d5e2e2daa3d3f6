package dev.hygge.csv;

/**
 * Parses ISO-8601 dates ({@code 2024-03-01}) and timestamps ({@code 2024-03-01T10:15:30.123456},
 * {@code T} or a space between date and time, seconds and up to 9 fraction digits optional,
 * optionally followed by {@code Z} or an offset {@code +01:00}, {@code +0100}, {@code +01})
 * straight from bytes, without creating objects. Timestamps are held in microseconds: a value with
 * non-zero digits below the microsecond is refused rather than truncated. A date alone also parses
 * as a timestamp at midnight. Not thread-safe.
 */
final class TemporalParser {
  /** What a timestamp parse found. */
  enum Shape {
    /** Not a date or timestamp. */
    INVALID,
    /** A local date-time without zone. */
    LOCAL,
    /** A date-time with Z or an offset, converted to UTC. */
    OFFSET
  }

  private static final int DATE_LENGTH = 10;
  private static final long DAYS_0000_TO_1970 = 719_528L;
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long SECONDS_PER_DAY = 86_400L;
  private static final int SECONDS_PER_MINUTE = 60;
  private static final int MINUTES_PER_HOUR = 60;
  private static final int HOURS_PER_DAY = 24;
  private static final int MICRO_DIGITS = 6;
  private static final int NANO_DIGITS = 9;
  private static final int MAX_OFFSET_HOURS = 18;

  private long epochDay;
  private long epochMicros;

  /** Days since 1970-01-01 of the last successful {@link #parseDate}. */
  long epochDay() {
    return epochDay;
  }

  /** Microseconds since 1970-01-01T00:00Z of the last successful {@link #parseTimestamp}. */
  long epochMicros() {
    return epochMicros;
  }

  /** Parses exactly {@code yyyy-MM-dd}. */
  boolean parseDate(byte[] b, int start, int end) {
    return end - start == DATE_LENGTH && date(b, start);
  }

  /** Parses a date or date-time with optional zone; the result is in {@link #epochMicros()}. */
  Shape parseTimestamp(byte[] b, int start, int end) {
    if (end - start < DATE_LENGTH || !date(b, start)) {
      return Shape.INVALID;
    }
    int p = start + DATE_LENGTH;
    long seconds = epochDay * SECONDS_PER_DAY;
    long micros = 0;
    if (p == end) {
      epochMicros = seconds * MICROS_PER_SECOND;
      return Shape.LOCAL;
    }
    if ((b[p] != 'T' && b[p] != ' ') || p + 6 > end || b[p + 3] != ':') {
      return Shape.INVALID;
    }
    int hour = twoDigits(b, p + 1);
    int minute = twoDigits(b, p + 4);
    if (hour < 0 || hour >= HOURS_PER_DAY || minute < 0 || minute >= MINUTES_PER_HOUR) {
      return Shape.INVALID;
    }
    seconds += (hour * MINUTES_PER_HOUR + minute) * (long) SECONDS_PER_MINUTE;
    p += 6;
    if (p < end && b[p] == ':') {
      int second = p + 3 <= end ? twoDigits(b, p + 1) : -1;
      if (second < 0 || second >= SECONDS_PER_MINUTE) {
        return Shape.INVALID;
      }
      seconds += second;
      p += 3;
      if (p < end && b[p] == '.') {
        p++;
        int digits = 0;
        while (p < end && b[p] >= '0' && b[p] <= '9' && digits < NANO_DIGITS) {
          if (digits < MICRO_DIGITS) {
            micros = micros * 10 + (b[p] - '0');
          } else if (b[p] != '0') {
            return Shape.INVALID;
          }
          digits++;
          p++;
        }
        if (digits == 0) {
          return Shape.INVALID;
        }
        for (int i = digits; i < MICRO_DIGITS; i++) {
          micros *= 10;
        }
      }
    }
    if (p == end) {
      epochMicros = seconds * MICROS_PER_SECOND + micros;
      return Shape.LOCAL;
    }
    int offsetSeconds = offsetSeconds(b, p, end);
    if (offsetSeconds == Integer.MIN_VALUE) {
      return Shape.INVALID;
    }
    epochMicros = (seconds - offsetSeconds) * MICROS_PER_SECOND + micros;
    return Shape.OFFSET;
  }

  /** {@code Z}, {@code +HH}, {@code +HH:mm} or {@code +HHmm}; Integer.MIN_VALUE when invalid. */
  private static int offsetSeconds(byte[] b, int p, int end) {
    int length = end - p;
    if (length == 1 && (b[p] == 'Z' || b[p] == 'z')) {
      return 0;
    }
    if (b[p] != '+' && b[p] != '-') {
      return Integer.MIN_VALUE;
    }
    int hours;
    int minutes;
    if (length == 3) {
      hours = twoDigits(b, p + 1);
      minutes = 0;
    } else if (length == 5) {
      hours = twoDigits(b, p + 1);
      minutes = twoDigits(b, p + 3);
    } else if (length == 6 && b[p + 3] == ':') {
      hours = twoDigits(b, p + 1);
      minutes = twoDigits(b, p + 4);
    } else {
      return Integer.MIN_VALUE;
    }
    if (hours < 0 || hours > MAX_OFFSET_HOURS || minutes < 0 || minutes >= MINUTES_PER_HOUR) {
      return Integer.MIN_VALUE;
    }
    int total = (hours * MINUTES_PER_HOUR + minutes) * SECONDS_PER_MINUTE;
    return b[p] == '-' ? -total : total;
  }

  private boolean date(byte[] b, int p) {
    if (b[p + 4] != '-' || b[p + 7] != '-') {
      return false;
    }
    int century = twoDigits(b, p);
    int yearOfCentury = twoDigits(b, p + 2);
    int month = twoDigits(b, p + 5);
    int day = twoDigits(b, p + 8);
    if (century < 0 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1) {
      return false;
    }
    int year = century * 100 + yearOfCentury;
    if (day > lengthOfMonth(year, month)) {
      return false;
    }
    epochDay = toEpochDay(year, month, day);
    return true;
  }

  private static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  private static boolean isLeap(int year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  /** The same arithmetic as {@code LocalDate.toEpochDay}, for years 0 to 9999. */
  private static long toEpochDay(int year, int month, int day) {
    long y = year;
    long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    total += (367L * month - 362) / 12;
    total += day - 1;
    if (month > 2) {
      total--;
      if (!isLeap(year)) {
        total--;
      }
    }
    return total - DAYS_0000_TO_1970;
  }

  /** Two ASCII digits as a number, or -1. */
  private static int twoDigits(byte[] b, int p) {
    int tens = b[p] - '0';
    int ones = b[p + 1] - '0';
    if (tens < 0 || tens > 9 || ones < 0 || ones > 9) {
      return -1;
    }
    return tens * 10 + ones;
  }
}
