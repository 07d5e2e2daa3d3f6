package dev.hygge.csv;

import java.io.IOException;

/** A record longer than {@code max_record_size}, usually because a quote is never closed. */
final class CsvRecordTooLongException extends IOException {
  private static final long serialVersionUID = 1L;

  CsvRecordTooLongException(long line, int maxRecordBytes) {
    super(
        "the row starting on line "
            + line
            + " is longer than max_record_size ("
            + maxRecordBytes
            + " bytes); a quote that is never closed is the usual cause, else raise"
            + " max_record_size");
  }
}
