package dev.hygge.csv;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;
import java.util.List;

/** The unquoted field texts that mean null, compared as UTF-8 bytes. */
final class NullValues {
  private final boolean emptyIsNull;
  private final byte[][] texts;

  NullValues(List<String> values) {
    this.emptyIsNull = values.contains("");
    this.texts =
        values.stream()
            .filter(v -> !v.isEmpty())
            .map(v -> v.getBytes(UTF_8))
            .toArray(byte[][]::new);
  }

  /** Whether the bytes {@code [start, end)} are one of the null texts. */
  boolean matches(byte[] bytes, int start, int end) {
    int length = end - start;
    if (length == 0) {
      return emptyIsNull;
    }
    for (byte[] text : texts) {
      if (text.length == length && Arrays.equals(bytes, start, end, text, 0, length)) {
        return true;
      }
    }
    return false;
  }
}
