package dev.hygge.csv;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;

/**
 * The record a {@link CsvRecordParser} parsed last: its fields as byte ranges into the parser's
 * buffer (inside the quotes for quoted fields), the line it starts on, its raw text and what is
 * malformed about it. One instance is reused for every record; it is valid until the next parse.
 */
final class CsvRecord {
  private static final int INITIAL_FIELDS = 16;

  private final byte escape;
  private byte[] buffer;
  private int count;
  private int[] starts = new int[INITIAL_FIELDS];
  private int[] ends = new int[INITIAL_FIELDS];
  private boolean[] quoted = new boolean[INITIAL_FIELDS];
  private boolean[] escaped = new boolean[INITIAL_FIELDS];
  private int rawStart;
  private int rawEnd;
  private long line;
  private String problem;
  private byte[] scratch = new byte[INITIAL_FIELDS];
  private int scratchLength;

  CsvRecord(byte escape) {
    this.escape = escape;
  }

  /** The buffer that field ranges point into. */
  byte[] buffer() {
    return buffer;
  }

  int fieldCount() {
    return count;
  }

  /** Start of field {@code i} in {@link #buffer()}. */
  int start(int i) {
    return starts[i];
  }

  /** End (exclusive) of field {@code i} in {@link #buffer()}. */
  int end(int i) {
    return ends[i];
  }

  /** Whether field {@code i} was quoted; a quoted field is never a null value. */
  boolean quoted(int i) {
    return quoted[i];
  }

  /** Whether field {@code i} holds escapes, so it must be read through {@link #unescape}. */
  boolean escaped(int i) {
    return escaped[i];
  }

  /** Unescapes field {@code i} into a scratch array of length {@link #unescapedLength()}. */
  byte[] unescape(int i) {
    int end = ends[i];
    if (scratch.length < end - starts[i]) {
      scratch = new byte[end - starts[i]];
    }
    int n = 0;
    for (int p = starts[i]; p < end; p++) {
      byte b = buffer[p];
      if (b == escape && p + 1 < end) {
        p++;
        b = buffer[p];
      }
      scratch[n++] = b;
    }
    scratchLength = n;
    return scratch;
  }

  /** Length of the last {@link #unescape} result. */
  int unescapedLength() {
    return scratchLength;
  }

  /** Field {@code i} as text, unescaped. */
  String text(int i) {
    if (escaped[i]) {
      return new String(unescape(i), 0, scratchLength, UTF_8);
    }
    return new String(buffer, starts[i], ends[i] - starts[i], UTF_8);
  }

  /** The 1-based physical line the record starts on. */
  long line() {
    return line;
  }

  /** What is malformed in the record, or null when it is well-formed. */
  String problem() {
    return problem;
  }

  /** The record as written, without its line break. */
  String rawText() {
    return new String(buffer, rawStart, rawEnd - rawStart, UTF_8);
  }

  /** Forgets the fields of the previous record before parsing another. */
  void clear() {
    count = 0;
    problem = null;
  }

  void addField(int start, int end, boolean isQuoted, boolean hasEscapes) {
    if (count == starts.length) {
      int size = count * 2;
      starts = Arrays.copyOf(starts, size);
      ends = Arrays.copyOf(ends, size);
      quoted = Arrays.copyOf(quoted, size);
      escaped = Arrays.copyOf(escaped, size);
    }
    starts[count] = start;
    ends[count] = end;
    quoted[count] = isQuoted;
    escaped[count] = hasEscapes;
    count++;
  }

  void markMalformed(String problem) {
    this.problem = problem;
  }

  /** Completes the record: where its text lies in {@code buffer} and the line it starts on. */
  void complete(byte[] buffer, int rawStart, int rawEnd, long line) {
    this.buffer = buffer;
    this.rawStart = rawStart;
    this.rawEnd = rawEnd;
    this.line = line;
  }
}
