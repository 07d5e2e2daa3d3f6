package dev.hygge.csv;

import org.apache.arrow.vector.TimeStampMicroVector;

/** Parses ISO local date-times (no zone) into a {@link TimeStampMicroVector}. */
final class TimestampAppender implements ColumnAppender {
  private final TimeStampMicroVector vector;
  private final TemporalParser parser = new TemporalParser();

  TimestampAppender(TimeStampMicroVector vector) {
    this.vector = vector;
  }

  @Override
  public boolean append(int row, byte[] bytes, int start, int end) {
    int from = AsciiSpaces.trimStart(bytes, start, end);
    int to = AsciiSpaces.trimEnd(bytes, from, end);
    if (parser.parseTimestamp(bytes, from, to) != TemporalParser.Shape.LOCAL) {
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
    return "timestamp (yyyy-MM-dd HH:mm:ss[.ffffff] without zone;"
        + " declare timestamptz for values with an offset)";
  }
}
