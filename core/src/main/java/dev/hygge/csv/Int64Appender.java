package dev.hygge.csv;

import org.apache.arrow.vector.BigIntVector;

/** Parses whole numbers into a {@link BigIntVector}. */
final class Int64Appender implements ColumnAppender {
  private final BigIntVector vector;
  private final NumberParser parser = new NumberParser();

  Int64Appender(BigIntVector vector) {
    this.vector = vector;
  }

  @Override
  public boolean append(int row, byte[] bytes, int start, int end) {
    int from = AsciiSpaces.trimStart(bytes, start, end);
    if (!parser.parseLong(bytes, from, AsciiSpaces.trimEnd(bytes, from, end))) {
      return false;
    }
    vector.setSafe(row, parser.longValue());
    return true;
  }

  @Override
  public void appendNull(int row) {
    vector.setNull(row);
  }

  @Override
  public String expected() {
    return "int64 (a whole number)";
  }
}
