package dev.hygge.csv;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits UTF-8 CSV bytes into records and fields over one large byte buffer, RFC 4180 style: LF or
 * CRLF line ends, quoted fields holding delimiters, quotes and line breaks, quotes escaped by
 * doubling or by an escape byte such as a backslash (inside quoted fields only), a UTF-8 byte order
 * mark at the start skipped, blank lines skipped. Each record lands in {@link #record()}, valid
 * until the next call to {@link #next()}. It tracks the 1-based physical line on which each record
 * starts, counting line breaks inside quoted fields. A malformed record (unterminated quote, text
 * after a closing quote) is still returned, with {@link CsvRecord#problem()} saying what is wrong,
 * so the caller can fail or reject it.
 *
 * <p>Not thread-safe. The caller closes it, which closes the input stream.
 */
final class CsvRecordParser implements AutoCloseable {
  private static final byte LF = '\n';
  private static final byte CR = '\r';
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** Outcomes of one attempt to parse a record from the buffered bytes. */
  private static final int RECORD = 0;

  private static final int NEED_MORE = 1;
  private static final int END = 2;

  /** What {@link #closingQuote} returns when the buffer ends first (more input may follow). */
  private static final int NO_QUOTE_YET = -1;

  /** What {@link #closingQuote} returns when the input ends inside the quoted field. */
  private static final int NO_QUOTE_EVER = -2;

  private final InputStream in;
  private final byte delimiter;
  private final byte quote;
  private final byte escape;
  private final boolean doubledQuotes;
  private final CsvRecord record;
  private final int maxRecordBytes;

  private byte[] buf;
  private int limit;
  private int pos;
  private boolean eof;
  private long nextLine = 1;

  /** Line breaks seen so far inside the record being parsed. */
  private int recordLines;

  /** Whether the last quoted field {@link #closingQuote} scanned holds escapes. */
  private boolean quotedHasEscapes;

  /**
   * @param in UTF-8 bytes
   * @param format the delimiter, quote and escape bytes
   * @param bufferBytes initial buffer size; it grows to hold a record longer than that
   * @param maxRecordBytes the most the buffer grows to; a longer record fails with {@link
   *     CsvRecordTooLongException}
   */
  CsvRecordParser(InputStream in, CsvFormat format, int bufferBytes, int maxRecordBytes)
      throws IOException {
    this.in = in;
    this.delimiter = format.delimiter();
    this.quote = format.quote();
    this.escape = format.escape();
    this.doubledQuotes = format.escape() == format.quote();
    this.record = new CsvRecord(format.escape());
    this.maxRecordBytes = maxRecordBytes;
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
   * Parses the next record into {@link #record()}.
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

  /** The record the last {@link #next()} parsed; the same instance every time. */
  CsvRecord record() {
    return record;
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
    record.clear();
    recordLines = 0;
    while (true) {
      if (p < limit && buf[p] == quote) {
        long openedOn = nextLine + recordLines;
        int close = closingQuote(p + 1);
        if (close == NO_QUOTE_YET) {
          return NEED_MORE;
        }
        if (close == NO_QUOTE_EVER) {
          record.addField(p + 1, limit, true, quotedHasEscapes);
          record.markMalformed(
              "the quoted field opened on line "
                  + openedOn
                  + " is never closed before the end of the file");
          return finish(limit, limit);
        }
        record.addField(p + 1, close, true, quotedHasEscapes);
        p = close + 1;
        if (p < limit && buf[p] == delimiter) {
          p++;
          continue;
        }
        return afterLastQuotedField(p);
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
        record.addField(start, p, false, false);
        p++;
        continue;
      }
      if (p >= limit && !eof) {
        return NEED_MORE;
      }
      int end = p > start && buf[p - 1] == CR ? p - 1 : p;
      record.addField(start, end, false, false);
      return lineEnd(end, p);
    }
  }

  /**
   * Scans a quoted field from its first content byte, counting line breaks into {@link
   * #recordLines}.
   *
   * @return the index of the closing quote, {@link #NO_QUOTE_YET} or {@link #NO_QUOTE_EVER}
   */
  private int closingQuote(int from) {
    quotedHasEscapes = false;
    int p = from;
    while (true) {
      if (p >= limit) {
        return eof ? NO_QUOTE_EVER : NO_QUOTE_YET;
      }
      byte b = buf[p];
      if (b == quote) {
        if (!doubledQuotes) {
          return p;
        }
        if (p + 1 >= limit && !eof) {
          return NO_QUOTE_YET;
        }
        if (p + 1 >= limit || buf[p + 1] != quote) {
          return p;
        }
        quotedHasEscapes = true;
        p += 2;
      } else if (b == escape && !doubledQuotes) {
        if (p + 1 >= limit) {
          return eof ? NO_QUOTE_EVER : NO_QUOTE_YET;
        }
        quotedHasEscapes = true;
        if (buf[p + 1] == LF) {
          recordLines++;
        }
        p += 2;
      } else {
        if (b == LF) {
          recordLines++;
        }
        p++;
      }
    }
  }

  /** After a quoted field that no delimiter follows: a line end, the input end, or junk. */
  private int afterLastQuotedField(int p) {
    if (p >= limit) {
      return eof ? finish(p, p) : NEED_MORE;
    }
    if (buf[p] == LF) {
      return lineEnd(p, p);
    }
    if (buf[p] == CR) {
      if (p + 1 >= limit) {
        return eof ? finish(p, limit) : NEED_MORE;
      }
      if (buf[p + 1] == LF) {
        return lineEnd(p, p + 1);
      }
    }
    record.markMalformed(
        "unexpected text after the closing quote of field "
            + record.fieldCount()
            + " (a quote inside a quoted field must be escaped)");
    int q = p;
    while (q < limit && buf[q] != LF) {
      q++;
    }
    if (q >= limit && !eof) {
      return NEED_MORE;
    }
    return lineEnd(q > p && buf[q - 1] == CR ? q - 1 : q, q);
  }

  /** Completes a record whose text ends at {@code end} and whose LF, if any, is at {@code lf}. */
  private int lineEnd(int end, int lf) {
    if (lf < limit) {
      recordLines++;
      return finish(end, lf + 1);
    }
    return finish(end, lf);
  }

  private int finish(int end, int next) {
    record.complete(buf, pos, end, nextLine);
    nextLine += recordLines;
    pos = next;
    return RECORD;
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

  /** Keeps the unparsed bytes, moved to the front, and reads more after them. */
  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      if (buf.length >= maxRecordBytes) {
        throw new CsvRecordTooLongException(nextLine, maxRecordBytes);
      }
      buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, maxRecordBytes));
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }
}
