package dev.hygge.csv;

import org.apache.arrow.vector.DateDayVector;

/** Parses ISO dates ({@code yyyy-MM-dd}) into a {@link DateDayVector}. */
final class DateAppender implements ColumnAppender {
  private final DateDayVector vector;
  private final TemporalParser parser = new TemporalParser();

  DateAppender(DateDayVector vector) {
    this.vector = vector;
  }

  @Override
  public boolean append(int row, byte[] bytes, int start, int end) {
    int from = AsciiSpaces.trimStart(bytes, start, end);
    if (!parser.parseDate(bytes, from, AsciiSpaces.trimEnd(bytes, from, end))) {
      return false;
    }
    vector.setSafe(row, (int) parser.epochDay());
    return true;
  }

  @Override
  public void appendNull(int row) {
    vector.setNull(row);
  }

  @Override
  public String expected() {
    return "date (yyyy-MM-dd)";
  }
}
