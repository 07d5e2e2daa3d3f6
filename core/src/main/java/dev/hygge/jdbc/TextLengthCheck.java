package dev.hygge.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.function.ToIntFunction;
import org.apache.arrow.vector.VariableWidthFieldVector;

/**
 * Checks a string vector's values (UTF-8, large or not) against a length, measured in code points,
 * UTF-16 code units or the bytes of some encoding.
 */
final class TextLengthCheck implements ValueCheck {
  /** A value longer than this in the message is cut, so a huge string does not flood the log. */
  private static final int SHOWN_CHARACTERS = 80;

  private final VariableWidthFieldVector vector;
  private final int limit;
  private final ToIntFunction<String> measure;
  private final float mostPerUtf8Byte;

  /** Checks against {@code characters} Unicode code points. */
  TextLengthCheck(VariableWidthFieldVector vector, int characters) {
    this(vector, characters, text -> text.codePointCount(0, text.length()), 1);
  }

  /**
   * @param limit the most a value may measure
   * @param measure the length of a value
   * @param mostPerUtf8Byte the most {@code measure} can count per byte of the value's UTF-8, so a
   *     value whose UTF-8 is short enough fits without being decoded
   */
  TextLengthCheck(
      VariableWidthFieldVector vector,
      int limit,
      ToIntFunction<String> measure,
      float mostPerUtf8Byte) {
    this.vector = vector;
    this.limit = limit;
    this.measure = measure;
    this.mostPerUtf8Byte = mostPerUtf8Byte;
  }

  @Override
  public int firstViolation(int rows) {
    for (int row = 0; row < rows; row++) {
      if (vector.isNull(row)) {
        continue;
      }
      if (vector.getValueLength(row) * mostPerUtf8Byte > limit
          && measure.applyAsInt(text(row)) > limit) {
        return row;
      }
    }
    return NONE;
  }

  @Override
  public String value(int row) {
    String text = text(row);
    return text.length() > SHOWN_CHARACTERS
        ? "'" + text.substring(0, SHOWN_CHARACTERS) + "...' (" + text.length() + " characters)"
        : "'" + text + "'";
  }

  private String text(int row) {
    return new String(vector.get(row), StandardCharsets.UTF_8);
  }
}
