package dev.hygge.csv;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

/**
 * Parses whole and floating-point numbers written in ASCII straight from a byte range; the common
 * shapes never create a String. Not thread-safe: each column keeps its own.
 */
final class NumberParser {
  /** Most significant digits a long mantissa holds exactly below 2^53. */
  private static final int MAX_EXACT_DIGITS = 15;

  /** Powers of ten a double holds exactly. */
  /** Largest power of ten a double holds exactly. */
  private static final int MAX_EXACT_POWER = 22;

  private static final double[] EXACT_POWERS_OF_TEN = exactPowersOfTen();

  private long longValue;
  private double doubleValue;

  /** The value of the last successful {@link #parseLong}. */
  long longValue() {
    return longValue;
  }

  /** The value of the last successful {@link #parseDouble}. */
  double doubleValue() {
    return doubleValue;
  }

  /** Parses an optionally signed run of decimal digits that fits a long. */
  boolean parseLong(byte[] bytes, int start, int end) {
    int p = start;
    if (p >= end) {
      return false;
    }
    boolean negative = false;
    if (bytes[p] == '-' || bytes[p] == '+') {
      negative = bytes[p] == '-';
      p++;
      if (p >= end) {
        return false;
      }
    }
    // Accumulate negatively so Long.MIN_VALUE parses, as Long.parseLong does.
    long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
    long multiplyLimit = limit / 10;
    long result = 0;
    for (; p < end; p++) {
      int digit = bytes[p] - '0';
      if (digit < 0 || digit > 9 || result < multiplyLimit) {
        return false;
      }
      result *= 10;
      if (result < limit + digit) {
        return false;
      }
      result -= digit;
    }
    longValue = negative ? result : -result;
    return true;
  }

  /**
   * Parses a decimal number, with optional sign, fraction and exponent, or {@code NaN}, {@code
   * Infinity}, {@code -Infinity}. Plain decimals of up to 15 digits take an exact fast path.
   */
  boolean parseDouble(byte[] bytes, int start, int end) {
    if (start >= end) {
      return false;
    }
    int p = start;
    boolean negative = bytes[p] == '-';
    if (negative || bytes[p] == '+') {
      p++;
    }
    long mantissa = 0;
    int digits = 0;
    int fractionDigits = 0;
    boolean point = false;
    boolean plain = true;
    for (; p < end; p++) {
      byte b = bytes[p];
      if (b >= '0' && b <= '9') {
        mantissa = mantissa * 10 + (b - '0');
        digits++;
        if (point) {
          fractionDigits++;
        }
      } else if (b == '.' && !point) {
        point = true;
      } else {
        plain = false;
        break;
      }
    }
    if (plain && digits > 0 && digits <= MAX_EXACT_DIGITS) {
      double value = mantissa / EXACT_POWERS_OF_TEN[fractionDigits];
      doubleValue = negative ? -value : value;
      return true;
    }
    return parseDoubleSlowly(bytes, start, end);
  }

  private boolean parseDoubleSlowly(byte[] bytes, int start, int end) {
    String text = new String(bytes, start, end - start, ISO_8859_1);
    if (!isDecimalText(text)) {
      return false;
    }
    try {
      doubleValue = Double.parseDouble(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Rejects what Double.parseDouble also accepts but a CSV number is not: hex, f/d suffixes. */
  private static boolean isDecimalText(String text) {
    String unsigned = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    if (unsigned.equals("NaN") || unsigned.equals("Infinity")) {
      return true;
    }
    boolean digit = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '.' && c != 'e' && c != 'E' && c != '-' && c != '+') {
        return false;
      }
    }
    return digit;
  }

  private static double[] exactPowersOfTen() {
    double[] powers = new double[MAX_EXACT_POWER + 1];
    powers[0] = 1;
    for (int i = 1; i < powers.length; i++) {
      powers[i] = powers[i - 1] * 10;
    }
    return powers;
  }
}
