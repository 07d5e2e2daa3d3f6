package dev.hygge.csv;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Parses a plain decimal number ({@code -123.45}, no exponent) for a {@code decimal(p,s)} column
 * straight from bytes. Values that fit 18 digits become an unscaled long; wider ones a BigDecimal.
 * A value with more fraction digits than the scale is refused unless the extra digits are zeros,
 * and one with too many integer digits for the precision is refused: nothing is rounded. Not
 * thread-safe.
 */
final class DecimalParser {
  /** Most decimal digits an unscaled long always holds. */
  private static final int LONG_DIGITS = 18;

  private static final long[] POWERS_OF_TEN = powersOfTen();

  private final int precision;
  private final int scale;
  private long unscaled;
  private BigDecimal wide;

  DecimalParser(int precision, int scale) {
    this.precision = precision;
    this.scale = scale;
  }

  /** Whether the last parsed value is held as an unscaled long (else see {@link #wide()}). */
  boolean fitsLong() {
    return wide == null;
  }

  /** The unscaled value of the last parse when {@link #fitsLong()}. */
  long unscaled() {
    return unscaled;
  }

  /** The value of the last parse, at this parser's scale, when it does not fit a long. */
  BigDecimal wide() {
    return wide;
  }

  boolean parse(byte[] bytes, int start, int end) {
    int p = start;
    if (p >= end) {
      return false;
    }
    boolean negative = bytes[p] == '-';
    if (negative || bytes[p] == '+') {
      p++;
    }
    int integerStart = p;
    while (p < end && isDigit(bytes[p])) {
      p++;
    }
    int integerEnd = p;
    int fractionStart = p;
    int fractionEnd = p;
    if (p < end && bytes[p] == '.') {
      fractionStart = ++p;
      while (p < end && isDigit(bytes[p])) {
        p++;
      }
      fractionEnd = p;
    }
    if (p != end || (integerEnd == integerStart && fractionEnd == fractionStart)) {
      return false;
    }
    int significantStart = integerStart;
    while (significantStart < integerEnd && bytes[significantStart] == '0') {
      significantStart++;
    }
    int usedFractionEnd = fractionEnd;
    while (usedFractionEnd - fractionStart > scale) {
      if (bytes[usedFractionEnd - 1] != '0') {
        return false;
      }
      usedFractionEnd--;
    }
    int integerDigits = integerEnd - significantStart;
    if (integerDigits + scale > precision) {
      return false;
    }
    if (integerDigits + scale <= LONG_DIGITS) {
      long value = 0;
      for (int i = significantStart; i < integerEnd; i++) {
        value = value * 10 + (bytes[i] - '0');
      }
      for (int i = fractionStart; i < usedFractionEnd; i++) {
        value = value * 10 + (bytes[i] - '0');
      }
      value *= POWERS_OF_TEN[scale - (usedFractionEnd - fractionStart)];
      unscaled = negative ? -value : value;
      wide = null;
      return true;
    }
    String text = new String(bytes, start, end - start, ISO_8859_1);
    wide = new BigDecimal(text).setScale(scale, RoundingMode.UNNECESSARY);
    return true;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static long[] powersOfTen() {
    long[] powers = new long[LONG_DIGITS + 1];
    powers[0] = 1;
    for (int i = 1; i < powers.length; i++) {
      powers[i] = powers[i - 1] * 10;
    }
    return powers;
  }
}
