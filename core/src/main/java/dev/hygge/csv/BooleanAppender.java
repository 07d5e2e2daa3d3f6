package dev.hygge.csv;

import org.apache.arrow.vector.BitVector;

/** Parses {@code true}/{@code false} (any case), {@code t}/{@code f} and {@code 1}/{@code 0}. */
final class BooleanAppender implements ColumnAppender {
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

  private final BitVector vector;

  BooleanAppender(BitVector vector) {
    this.vector = vector;
  }

  @Override
  public boolean append(int row, byte[] bytes, int start, int end) {
    int from = AsciiSpaces.trimStart(bytes, start, end);
    int to = AsciiSpaces.trimEnd(bytes, from, end);
    int value = parse(bytes, from, to);
    if (value < 0) {
      return false;
    }
    vector.setSafe(row, value);
    return true;
  }

  /** 1 for true, 0 for false, -1 for anything else. */
  static int parse(byte[] bytes, int start, int end) {
    if (end - start == 1) {
      byte b = lower(bytes[start]);
      if (b == 't' || b == '1') {
        return 1;
      }
      return b == 'f' || b == '0' ? 0 : -1;
    }
    if (matchesIgnoringCase(bytes, start, end, TRUE)) {
      return 1;
    }
    return matchesIgnoringCase(bytes, start, end, FALSE) ? 0 : -1;
  }

  /** Whether the text is the word true or false, in any case (what inference accepts). */
  static boolean isWord(byte[] bytes, int start, int end) {
    return matchesIgnoringCase(bytes, start, end, TRUE)
        || matchesIgnoringCase(bytes, start, end, FALSE);
  }

  private static boolean matchesIgnoringCase(byte[] bytes, int start, int end, byte[] word) {
    if (end - start != word.length) {
      return false;
    }
    for (int i = 0; i < word.length; i++) {
      if (lower(bytes[start + i]) != word[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte lower(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
  }

  @Override
  public void appendNull(int row) {
    vector.setNull(row);
  }

  @Override
  public String expected() {
    return "boolean (true or false)";
  }
}
