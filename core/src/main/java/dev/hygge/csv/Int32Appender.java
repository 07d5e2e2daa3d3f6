package dev.hygge.csv;

import org.apache.arrow.vector.IntVector;

/** Parses whole numbers that fit 32 bits into an {@link IntVector}. */
final class Int32Appender implements ColumnAppender {
  private final IntVector vector;
  private final NumberParser parser = new NumberParser();

  Int32Appender(IntVector vector) {
    this.vector = vector;
  }

  @Override
  public boolean append(int row, byte[] bytes, int start, int end) {
    int from = AsciiSpaces.trimStart(bytes, start, end);
    if (!parser.parseLong(bytes, from, AsciiSpaces.trimEnd(bytes, from, end))) {
      return false;
    }
    long value = parser.longValue();
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      return false;
    }
    vector.setSafe(row, (int) value);
    return true;
  }

  @Override
  public void appendNull(int row) {
    vector.setNull(row);
  }

  @Override
  public String expected() {
    return "int32 (a whole number from -2147483648 to 2147483647)";
  }
}
