package dev.hygge.jdbc;

import java.util.Optional;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * What values an existing column holds beyond its kind: an integer range, a number of digits before
 * the decimal point, a length. Values of the data are checked against it before they are staged, so
 * an overflow names its row and value.
 */
public sealed interface ValueLimit {

  /** The check of {@code vector}'s values; empty when its type cannot exceed this limit. */
  Optional<ValueCheck> check(FieldVector vector);

  /** The limit in words, e.g. {@code from -32768 to 32767}. */
  String describe();

  /**
   * Integers from {@code min} to {@code max}.
   *
   * @param min the smallest value
   * @param max the largest value
   */
  record IntegerRange(long min, long max) implements ValueLimit {
    public IntegerRange {
      if (min > max) {
        throw new IllegalArgumentException("min " + min + " is above max " + max);
      }
    }

    @Override
    public Optional<ValueCheck> check(FieldVector vector) {
      return vector instanceof BaseIntVector integers
          ? Optional.of(new IntegerRangeCheck(vector, integers, min, max))
          : Optional.empty();
    }

    @Override
    public String describe() {
      return "from " + min + " to " + max;
    }
  }

  /**
   * Decimals with at most {@code precision - scale} digits before the point.
   *
   * @param precision the column's precision
   * @param scale the column's scale
   */
  record DecimalDigits(int precision, int scale) implements ValueLimit {
    public DecimalDigits {
      if (precision <= 0 || scale < 0 || scale > precision) {
        throw new IllegalArgumentException("bad precision " + precision + " and scale " + scale);
      }
    }

    @Override
    public Optional<ValueCheck> check(FieldVector vector) {
      return vector instanceof DecimalVector decimals
          ? Optional.of(new DecimalDigitsCheck(decimals, precision - scale))
          : Optional.empty();
    }

    @Override
    public String describe() {
      return "at most " + (precision - scale) + " digits before the decimal point";
    }
  }

  /**
   * Strings of at most {@code characters} characters.
   *
   * @param characters the column's length
   */
  record TextLength(int characters) implements ValueLimit {
    public TextLength {
      if (characters <= 0) {
        throw new IllegalArgumentException("characters must be positive, got " + characters);
      }
    }

    @Override
    public Optional<ValueCheck> check(FieldVector vector) {
      if (vector instanceof VarCharVector strings) {
        return Optional.of(new TextLengthCheck(strings, characters));
      }
      if (vector instanceof LargeVarCharVector strings) {
        return Optional.of(new TextLengthCheck(strings, characters));
      }
      return Optional.empty();
    }

    @Override
    public String describe() {
      return "at most " + characters + " characters";
    }
  }
}
