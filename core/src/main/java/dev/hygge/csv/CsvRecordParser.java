package dev.hygge.csv;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits UTF-8 CSV bytes into records and fields over one large byte buffer, RFC 4180 style: LF or
 * CRLF line ends, quoted fields holding delimiters, quotes and line breaks, quotes escaped by
 * doubling or by an escape byte such as a backslash (inside quoted fields only), a UTF-8 byte order
 * mark at the start skipped, blank lines skipped. Fields are byte ranges into {@link #buffer()},
 * valid until the next call to {@link #next()}; a quoted field with escapes is unescaped on
 * request. It tracks the 1-based physical line on which each record starts, counting line breaks
 * inside quoted fields. A malformed record (unterminated quote, text after a closing quote) is
 * still returned, with {@link #problem()} saying what is wrong, so the caller can fail or reject
 * it.
 *
 * <p>Not thread-safe. The caller closes it, which closes the input stream.
 */
final class CsvRecordParser implements AutoCloseable {
  private static final byte LF = '\n';
  private static final byte CR = '\r';
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final int INITIAL_FIELDS = 16;

  /** Outcomes of one attempt to parse a record from the buffered bytes. */
  private static final int RECORD = 0;

  private static final int NEED_MORE = 1;
  private static final int END = 2;

  private final InputStream in;
  private final byte delimiter;
  private final byte quote;
  private final byte escape;
  private final boolean doubledQuotes;

  private byte[] buf;
  private int limit;
  private int pos;
  private boolean eof;
  private long nextLine = 1;

  private int fieldCount;
  private int[] starts = new int[INITIAL_FIELDS];
  private int[] ends = new int[INITIAL_FIELDS];
  private boolean[] quoted = new boolean[INITIAL_FIELDS];
  private boolean[] escaped = new boolean[INITIAL_FIELDS];
  private int recordStart;
  private int recordEnd;
  private long recordLine;
  private String problem;
  private byte[] scratch = new byte[INITIAL_FIELDS];
  private int scratchLength;

  /**
   * @param in UTF-8 bytes
   * @param format the delimiter, quote and escape bytes
   * @param bufferBytes initial buffer size; it grows to hold a record longer than that
   */
  CsvRecordParser(InputStream in, CsvFormat format, int bufferBytes) throws IOException {
    this.in = in;
    this.delimiter = format.delimiter();
    this.quote = format.quote();
    this.escape = format.escape();
    this.doubledQuotes = format.escape() == format.quote();
    this.buf = new byte[bufferBytes];
    while (limit < UTF8_BOM.length && !eof) {
      fill();
    }
    if (limit >= UTF8_BOM.length
        && Arrays.equals(buf, 0, UTF8_BOM.length, UTF8_BOM, 0, UTF8_BOM.length)) {
      pos = UTF8_BOM.length;
    }
  }

  /** Skips {@code lines} physical lines (not records), e.g. a preamble before the header. */
  void skipLines(int lines) throws IOException {
    for (int skipped = 0; skipped < lines; ) {
      int p = pos;
      while (p < limit && buf[p] != LF) {
        p++;
      }
      if (p < limit) {
        pos = p + 1;
        nextLine++;
        skipped++;
      } else if (eof) {
        pos = limit;
        return;
      } else {
        fill();
      }
    }
  }

  /**
   * Parses the next record.
   *
   * @return false at the end of the input
   */
  boolean next() throws IOException {
    while (true) {
      int status = parse();
      if (status == RECORD) {
        return true;
      }
      if (status == END) {
        return false;
      }
      fill();
    }
  }

  /** The buffer that field ranges point into. */
  byte[] buffer() {
    return buf;
  }

  int fieldCount() {
    return fieldCount;
  }

  /** Start of field {@code i} in {@link #buffer()}, inside the quotes for a quoted field. */
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
      byte b = buf[p];
      if (b == escape && p + 1 < end) {
        p++;
        b = buf[p];
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
    return new String(buf, starts[i], ends[i] - starts[i], UTF_8);
  }

  /** The 1-based physical line the current record starts on. */
  long line() {
    return recordLine;
  }

  /** What is malformed in the current record, or null when it is well-formed. */
  String problem() {
    return problem;
  }

  /** The current record as written, without its line break. */
  String rawText() {
    return new String(buf, recordStart, recordEnd - recordStart, UTF_8);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Parses one record from {@code pos}; touches no state but the record's until it completes. */
  private int parse() {
    int p = skipBlankLines();
    if (p < 0) {
      return -p;
    }
    fieldCount = 0;
    problem = null;
    int lines = 0;
    while (true) {
      if (p < limit && buf[p] == quote) {
        int contentStart = ++p;
        int openedAfterLines = lines;
        boolean hasEscapes = false;
        while (true) {
          if (p >= limit) {
            if (!eof) {
              return NEED_MORE;
            }
            addField(contentStart, limit, true, hasEscapes);
            problem =
                "the quoted field opened on line "
                    + (nextLine + openedAfterLines)
                    + " is never closed before the end of the file";
            return finish(limit, limit, lines);
          }
          byte b = buf[p];
          if (b == quote) {
            if (!doubledQuotes) {
              break;
            }
            if (p + 1 >= limit && !eof) {
              return NEED_MORE;
            }
            if (p + 1 < limit && buf[p + 1] == quote) {
              hasEscapes = true;
              p += 2;
              continue;
            }
            break;
          }
          if (b == escape && !doubledQuotes) {
            if (p + 1 >= limit && !eof) {
              return NEED_MORE;
            }
            hasEscapes = true;
            p++;
            if (p < limit && buf[p] == LF) {
              lines++;
            }
            if (p < limit) {
              p++;
            }
            continue;
          }
          if (b == LF) {
            lines++;
          }
          p++;
        }
        addField(contentStart, p, true, hasEscapes);
        p++;
        if (p >= limit) {
          return eof ? finish(p, p, lines) : NEED_MORE;
        }
        byte after = buf[p];
        if (after == delimiter) {
          p++;
          continue;
        }
        if (after == LF) {
          return finish(p, p + 1, lines + 1);
        }
        if (after == CR && p + 1 >= limit && !eof) {
          return NEED_MORE;
        }
        if (after == CR && (p + 1 >= limit || buf[p + 1] == LF)) {
          return finish(p, Math.min(p + 2, limit), p + 1 < limit ? lines + 1 : lines);
        }
        return junkAfterQuote(p, lines);
      }
      int start = p;
      while (p < limit) {
        byte b = buf[p];
        if (b == delimiter || b == LF) {
          break;
        }
        p++;
      }
      if (p < limit && buf[p] == delimiter) {
        addField(start, p, false, false);
        p++;
        continue;
      }
      if (p >= limit && !eof) {
        return NEED_MORE;
      }
      int end = p > start && buf[p - 1] == CR ? p - 1 : p;
      addField(start, end, false, false);
      return p < limit ? finish(end, p + 1, lines + 1) : finish(end, p, lines);
    }
  }

  /**
   * Moves {@code pos} past blank lines; returns where the record starts, or the negated status
   * {@code -END} or {@code -NEED_MORE}.
   */
  private int skipBlankLines() {
    while (true) {
      if (pos >= limit) {
        return eof ? -END : -NEED_MORE;
      }
      byte b = buf[pos];
      if (b == LF) {
        pos++;
        nextLine++;
      } else if (b == CR) {
        if (pos + 1 >= limit) {
          if (!eof) {
            return -NEED_MORE;
          }
          pos++;
        } else if (buf[pos + 1] == LF) {
          pos += 2;
          nextLine++;
        } else {
          return pos;
        }
      } else {
        return pos;
      }
    }
  }

  /**
   * Text between a closing quote and the next delimiter: the rest of the line is one bad record.
   */
  private int junkAfterQuote(int p, int lines) {
    problem =
        "unexpected text after the closing quote of field "
            + fieldCount
            + " (a quote inside a quoted field must be escaped)";
    int q = p;
    while (q < limit && buf[q] != LF) {
      q++;
    }
    if (q >= limit && !eof) {
      return NEED_MORE;
    }
    int end = q > p && buf[q - 1] == CR ? q - 1 : q;
    return q < limit ? finish(end, q + 1, lines + 1) : finish(end, q, lines);
  }

  private int finish(int end, int next, int lines) {
    recordStart = pos;
    recordEnd = end;
    recordLine = nextLine;
    nextLine += lines;
    pos = next;
    return RECORD;
  }

  private void addField(int start, int end, boolean isQuoted, boolean hasEscapes) {
    if (fieldCount == starts.length) {
      int size = fieldCount * 2;
      starts = Arrays.copyOf(starts, size);
      ends = Arrays.copyOf(ends, size);
      quoted = Arrays.copyOf(quoted, size);
      escaped = Arrays.copyOf(escaped, size);
    }
    starts[fieldCount] = start;
    ends[fieldCount] = end;
    quoted[fieldCount] = isQuoted;
    escaped[fieldCount] = hasEscapes;
    fieldCount++;
  }

  /** Keeps the unparsed bytes, moved to the front, and reads more after them. */
  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }
}
