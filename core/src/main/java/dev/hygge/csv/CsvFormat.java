package dev.hygge.csv;

/**
 * The single-byte punctuation of a CSV dialect.
 *
 * @param delimiter separates fields
 * @param quote encloses fields that hold delimiters, quotes or line breaks
 * @param escape escapes a quote inside a quoted field; equal to {@code quote} for RFC 4180 doubled
 *     quotes
 */
public record CsvFormat(byte delimiter, byte quote, byte escape) {
  public CsvFormat {
    if (delimiter == quote) {
      throw new IllegalArgumentException("the delimiter and the quote must differ");
    }
    if (delimiter == '\n' || delimiter == '\r' || quote == '\n' || quote == '\r') {
      throw new IllegalArgumentException("the delimiter and the quote cannot be line breaks");
    }
    if (escape == delimiter) {
      throw new IllegalArgumentException("the delimiter and the escape must differ");
    }
  }
}
