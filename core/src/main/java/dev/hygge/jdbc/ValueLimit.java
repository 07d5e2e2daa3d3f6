package dev.hygge.jdbc;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VariableWidthFieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

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
   * Whether every value of Arrow type {@code type} is within this limit, so its values need no
   * check; false when some may not be.
   */
  default boolean holdsEvery(ArrowType type) {
    return false;
  }

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

    @Override
    public boolean holdsEvery(ArrowType type) {
      if (!(type instanceof ArrowType.Int integer) || integer.getBitWidth() >= Long.SIZE) {
        return false;
      }
      long span = 1L << integer.getBitWidth();
      return integer.getIsSigned()
          ? min <= -(span / 2) && span / 2 - 1 <= max
          : min <= 0 && span - 1 <= max;
    }
  }

  /**
   * Decimals (and integers) with at most {@code precision - scale} digits before the point.
   *
   * @param precision the column's precision
   * @param scale the column's scale
   */
  record DecimalDigits(int precision, int scale) implements ValueLimit {
    /** Integers of fewer digits than this fit a {@code long}, so their bound does too. */
    private static final int MAX_LONG_DIGITS = 19;

    public DecimalDigits {
      if (precision <= 0 || scale < 0 || scale > precision) {
        throw new IllegalArgumentException("bad precision " + precision + " and scale " + scale);
      }
    }

    @Override
    public Optional<ValueCheck> check(FieldVector vector) {
      int digits = precision - scale;
      if (vector instanceof DecimalVector decimals) {
        return Optional.of(new DecimalDigitsCheck(decimals, digits));
      }
      if (vector instanceof BaseIntVector integers && digits < MAX_LONG_DIGITS) {
        long largest = java.math.BigInteger.TEN.pow(digits).longValueExact() - 1;
        return Optional.of(new IntegerRangeCheck(vector, integers, -largest, largest));
      }
      return Optional.empty();
    }

    @Override
    public String describe() {
      return "at most " + (precision - scale) + " digits before the decimal point";
    }

    @Override
    public boolean holdsEvery(ArrowType type) {
      return type instanceof ArrowType.Decimal decimal
          && decimal.getPrecision() - decimal.getScale() <= precision - scale;
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

  /**
   * Strings of at most {@code units} UTF-16 code units, as SQL Server's {@code NVARCHAR(n)} counts
   * them: a character beyond the Basic Multilingual Plane takes two.
   *
   * @param units the column's length
   */
  record Utf16Length(int units) implements ValueLimit {
    public Utf16Length {
      if (units <= 0) {
        throw new IllegalArgumentException("units must be positive, got " + units);
      }
    }

    @Override
    public Optional<ValueCheck> check(FieldVector vector) {
      // A UTF-8 byte never makes more than one UTF-16 code unit.
      return strings(vector).map(s -> new TextLengthCheck(s, units, String::length, 1));
    }

    @Override
    public String describe() {
      return "at most " + units + " UTF-16 code units";
    }
  }

  /**
   * Strings of at most {@code bytes} bytes once encoded in {@code charset}, as a {@code VARCHAR(n)}
   * of a collation with that code page counts them.
   *
   * @param bytes the column's length in bytes
   * @param charset the column's encoding
   */
  record ByteLength(int bytes, Charset charset) implements ValueLimit {
    public ByteLength {
      if (bytes <= 0) {
        throw new IllegalArgumentException("bytes must be positive, got " + bytes);
      }
      java.util.Objects.requireNonNull(charset, "charset is null");
      if (!charset.canEncode()) {
        throw new IllegalArgumentException(charset + " cannot encode");
      }
    }

    @Override
    public Optional<ValueCheck> check(FieldVector vector) {
      // Each UTF-16 code unit, of which a UTF-8 byte makes at most one, takes at most
      // maxBytesPerChar bytes; in UTF-8 itself the length is the same.
      float most =
          charset.equals(StandardCharsets.UTF_8) ? 1 : charset.newEncoder().maxBytesPerChar();
      return strings(vector)
          .map(s -> new TextLengthCheck(s, bytes, text -> text.getBytes(charset).length, most));
    }

    @Override
    public String describe() {
      return "at most " + bytes + " bytes in " + charset.name();
    }
  }

  private static Optional<VariableWidthFieldVector> strings(FieldVector vector) {
    if (vector instanceof VarCharVector strings) {
      return Optional.of(strings);
    }
    if (vector instanceof LargeVarCharVector strings) {
      return Optional.of(strings);
    }
    return Optional.empty();
  }
}
