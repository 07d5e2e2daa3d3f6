package dev.hygge.jdbc.postgres;

import java.math.BigDecimal;
import java.sql.SQLException;
import org.apache.arrow.vector.DecimalVector;

/**
 * Encodes a {@link DecimalVector} as PostgreSQL {@code numeric}: digit count, weight, sign and
 * display scale, then base-10000 digits, each a 2-byte word.
 */
final class NumericCopyColumn implements CopyColumn {
  private static final int HEADER_WORDS = 4;
  private static final int DECIMAL_DIGITS_PER_WORD = 4;
  private static final short POSITIVE = 0x0000;
  private static final short NEGATIVE = 0x4000;

  private final DecimalVector vector;

  NumericCopyColumn(DecimalVector vector) {
    this.vector = vector;
  }

  @Override
  public void write(int row, CopyBuffer out) throws SQLException {
    if (vector.isNull(row)) {
      out.reserve(LENGTH_BYTES);
      out.putInt(NULL_LENGTH);
      return;
    }
    BigDecimal value = vector.getObject(row);
    int scale = Math.max(value.scale(), 0);
    String digits = value.setScale(scale).unscaledValue().abs().toString();
    short[] words = words(digits, scale);
    int weight = integerWords(digits, scale) - 1;
    int first = 0;
    while (first < words.length && words[first] == 0) {
      first++;
      weight--;
    }
    int last = words.length;
    while (last > first && words[last - 1] == 0) {
      last--;
    }
    int count = last - first;
    short sign = value.signum() < 0 && count > 0 ? NEGATIVE : POSITIVE;
    int length = (HEADER_WORDS + count) * Short.BYTES;
    out.reserve(LENGTH_BYTES + length);
    out.putInt(length);
    out.putShort((short) count);
    out.putShort((short) (count == 0 ? 0 : weight));
    out.putShort(sign);
    out.putShort((short) scale);
    for (int i = first; i < last; i++) {
      out.putShort(words[i]);
    }
  }

  /** How many base-10000 words the integer part of {@code digits} (with {@code scale}) takes. */
  private static int integerWords(String digits, int scale) {
    int integerDigits = Math.max(digits.length() - scale, 0);
    return (integerDigits + DECIMAL_DIGITS_PER_WORD - 1) / DECIMAL_DIGITS_PER_WORD;
  }

  /**
   * The base-10000 words of the unscaled {@code digits} with {@code scale} fraction digits: the
   * integer part padded on the left, the fraction padded on the right, to whole words.
   */
  private static short[] words(String digits, int scale) {
    int integerDigits = digits.length() - scale;
    String integer = integerDigits > 0 ? digits.substring(0, integerDigits) : "";
    String fraction =
        integerDigits > 0 ? digits.substring(integerDigits) : "0".repeat(-integerDigits) + digits;
    int integerWords = integerWords(digits, scale);
    int fractionWords = (fraction.length() + DECIMAL_DIGITS_PER_WORD - 1) / DECIMAL_DIGITS_PER_WORD;
    String padded =
        "0".repeat(integerWords * DECIMAL_DIGITS_PER_WORD - integer.length())
            + integer
            + fraction
            + "0".repeat(fractionWords * DECIMAL_DIGITS_PER_WORD - fraction.length());
    short[] words = new short[integerWords + fractionWords];
    for (int i = 0; i < words.length; i++) {
      int at = i * DECIMAL_DIGITS_PER_WORD;
      words[i] = Short.parseShort(padded.substring(at, at + DECIMAL_DIGITS_PER_WORD));
    }
    return words;
  }
}
