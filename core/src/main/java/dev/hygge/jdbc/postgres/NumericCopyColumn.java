package dev.hygge.jdbc.postgres;

import java.math.BigDecimal;
import java.sql.SQLException;
import org.apache.arrow.vector.DecimalVector;

/**
 * Encodes a {@link DecimalVector} as PostgreSQL {@code numeric}: digit count, weight, sign and
 * display scale, then base-10000 digits, each a 2-byte word. Columns whose values, aligned to whole
 * fraction words, fit in a {@code long} (up to 18 digits in all) are encoded with integer
 * arithmetic straight from the vector's buffer; wider ones through {@link BigDecimal}.
 */
final class NumericCopyColumn implements CopyColumn {
  private static final int HEADER_WORDS = 4;
  private static final int DECIMAL_DIGITS_PER_WORD = 4;
  private static final short POSITIVE = 0x0000;
  private static final short NEGATIVE = 0x4000;

  private static final int MAX_LONG_DIGITS = 18;
  private static final int WORD_BASE = 10_000;
  private static final int MAX_WORDS = 5;

  private final DecimalVector vector;
  private final int scale;
  private final int fractionWords;
  private final long alignment;
  private final boolean fitsLong;
  private final short[] words = new short[MAX_WORDS];

  NumericCopyColumn(DecimalVector vector) {
    this.vector = vector;
    this.scale = vector.getScale();
    this.fractionWords = (scale + DECIMAL_DIGITS_PER_WORD - 1) / DECIMAL_DIGITS_PER_WORD;
    int shift = fractionWords * DECIMAL_DIGITS_PER_WORD - scale;
    this.alignment = (long) Math.pow(10, shift);
    this.fitsLong = scale >= 0 && vector.getPrecision() + shift <= MAX_LONG_DIGITS;
  }

  @Override
  public void write(int row, CopyBuffer out) throws SQLException {
    if (vector.isNull(row)) {
      out.reserve(LENGTH_BYTES);
      out.putInt(NULL_LENGTH);
      return;
    }
    if (fitsLong) {
      writeLong(row, out);
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

  /** The value's unscaled long, split into base-10000 words without allocating. */
  private void writeLong(int row, CopyBuffer out) throws SQLException {
    // Values of up to 18 digits sit in the low 8 bytes of the 16-byte little-endian two's
    // complement the vector stores.
    long unscaled = vector.getDataBuffer().getLong((long) row * DecimalVector.TYPE_WIDTH);
    short sign = unscaled < 0 ? NEGATIVE : POSITIVE;
    long aligned = Math.abs(unscaled) * alignment;
    int count = 0;
    while (aligned != 0) {
      words[count++] = (short) (aligned % WORD_BASE);
      aligned /= WORD_BASE;
    }
    // words[0] is the least significant; the most significant is words[count - 1].
    int weight = count - fractionWords - 1;
    int last = 0;
    while (last < count && words[last] == 0) {
      last++;
    }
    int kept = count - last;
    if (kept == 0) {
      sign = POSITIVE;
      weight = 0;
    }
    int length = (HEADER_WORDS + kept) * Short.BYTES;
    out.reserve(LENGTH_BYTES + length);
    out.putInt(length);
    out.putShort((short) kept);
    out.putShort((short) weight);
    out.putShort(sign);
    out.putShort((short) scale);
    for (int i = count - 1; i >= last; i--) {
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
