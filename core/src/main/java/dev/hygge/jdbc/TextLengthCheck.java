package dev.hygge.jdbc;

import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.VariableWidthFieldVector;

/**
 * Checks a string vector's values (UTF-8, large or not) against a length in characters (Unicode
 * code points).
 */
final class TextLengthCheck implements ValueCheck {
  /** A value longer than this in the message is cut, so a huge string does not flood the log. */
  private static final int SHOWN_CHARACTERS = 80;

  private final VariableWidthFieldVector vector;
  private final int characters;

  TextLengthCheck(VariableWidthFieldVector vector, int characters) {
    this.vector = vector;
    this.characters = characters;
  }

  @Override
  public int firstViolation(int rows) {
    for (int row = 0; row < rows; row++) {
      if (vector.isNull(row)) {
        continue;
      }
      // A UTF-8 string has at most as many characters as bytes: most values need no decoding.
      if (vector.getValueLength(row) > characters) {
        String text = text(row);
        if (text.codePointCount(0, text.length()) > characters) {
          return row;
        }
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
