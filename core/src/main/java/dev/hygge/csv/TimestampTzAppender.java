package dev.hygge.csv;

import org.apache.arrow.vector.TimeStampMicroTZVector;

/**
 * Parses ISO date-times into a UTC {@link TimeStampMicroTZVector}: values with {@code Z} or an
 * offset are converted to UTC, values without one are taken as UTC.
 */
final class TimestampTzAppender implements ColumnAppender {
  private final TimeStampMicroTZVector vector;
  private final TemporalParser parser = new TemporalParser();

  TimestampTzAppender(TimeStampMicroTZVector vector) {
    this.vector = vector;
  }

  @Override
  public boolean append(int row, byte[] bytes, int start, int end) {
    int from = AsciiSpaces.trimStart(bytes, start, end);
    int to = AsciiSpaces.trimEnd(bytes, from, end);
    if (parser.parseTimestamp(bytes, from, to) == TemporalParser.Shape.INVALID) {
      return false;
    }
    vector.setSafe(row, parser.epochMicros());
    return true;
  }

  @Override
  public void appendNull(int row) {
    vector.setNull(row);
  }

  @Override
  public String expected() {
    return "timestamptz (yyyy-MM-dd HH:mm:ss[.ffffff][Z|+HH:mm])";
  }
}
