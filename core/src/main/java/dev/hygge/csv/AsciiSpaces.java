package dev.hygge.csv;

/** Finds the bounds of a field without leading and trailing ASCII spaces and tabs. */
final class AsciiSpaces {
  private AsciiSpaces() {}

  /** The first index in {@code [start, end)} that is not a space or tab, or {@code end}. */
  static int trimStart(byte[] bytes, int start, int end) {
    int p = start;
    while (p < end && isSpace(bytes[p])) {
      p++;
    }
    return p;
  }

  /** One past the last index in {@code [start, end)} that is not a space or tab. */
  static int trimEnd(byte[] bytes, int start, int end) {
    int p = end;
    while (p > start && isSpace(bytes[p - 1])) {
      p--;
    }
    return p;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t';
  }
}
