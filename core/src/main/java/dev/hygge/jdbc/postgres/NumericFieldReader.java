package dev.hygge.jdbc.postgres;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import org.apache.arrow.vector.DecimalVector;

/**
 * Decodes PostgreSQL {@code numeric} (digit count, weight, sign, display scale, then base-10000
 * digits) into a {@link DecimalVector} of the column's precision and scale. Values of up to 18
 * digits are built as a {@code long} without allocating; wider ones through {@link BigInteger}.
 */
final class NumericFieldReader implements CopyFieldReader {
  private static final int DECIMAL_DIGITS_PER_WORD = 4;
  private static final int NEGATIVE = 0x4000;
  private static final int NOT_A_NUMBER = 0xC000;
  private static final int SIGN_MASK = 0xFFFF;
  private static final int MAX_LONG_DIGITS = 18;
  private static final BigInteger WORD_BASE = BigInteger.valueOf(10_000);
  private static final long[] POWERS_OF_TEN = new long[MAX_LONG_DIGITS + 1];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  private final DecimalVector vector;
  private final int scale;
  private final boolean fitsLong;

  NumericFieldReader(DecimalVector vector) {
    this.vector = vector;
    this.scale = vector.getScale();
    this.fitsLong = vector.getPrecision() <= MAX_LONG_DIGITS;
  }

  @Override
  public void read(CopyInput in, int length, int row) throws SQLException {
    int count = in.readShort();
    int weight = in.readShort();
    int sign = in.readShort() & SIGN_MASK;
    in.readShort(); // the display scale: the column's scale decides the Arrow value's scale
    if (sign == NOT_A_NUMBER) {
      in.skip(count * Short.BYTES);
      throw new SQLException(
          "numeric NaN cannot be read into DECIMAL(" + vector.getPrecision() + ", " + scale + ")");
    }
    if (fitsLong) {
      long unscaled = 0;
      for (int i = 0; i < count; i++) {
        int word = in.readShort();
        // The word is worth word * 10000^(weight - i); in units of 10^-scale that is:
        int exponent = DECIMAL_DIGITS_PER_WORD * (weight - i) + scale;
        if (exponent >= 0) {
          unscaled += word * POWERS_OF_TEN[exponent];
        } else if (exponent > -DECIMAL_DIGITS_PER_WORD) {
          unscaled += word / POWERS_OF_TEN[-exponent];
        }
      }
      vector.setSafe(row, sign == NEGATIVE ? -unscaled : unscaled);
      return;
    }
    BigInteger digits = BigInteger.ZERO;
    for (int i = 0; i < count; i++) {
      digits = digits.multiply(WORD_BASE).add(BigInteger.valueOf(in.readShort()));
    }
    // digits holds the words as an integer whose last word is worth 10000^(weight - count + 1).
    BigDecimal value =
        new BigDecimal(digits, -DECIMAL_DIGITS_PER_WORD * (weight - count + 1))
            .setScale(scale, java.math.RoundingMode.UNNECESSARY);
    vector.setSafe(row, sign == NEGATIVE ? value.negate() : value);
  }

  @Override
  public void setNull(int row) {
    vector.setNull(row);
  }
}
