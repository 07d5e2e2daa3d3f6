package dev.hygge.csv;

import org.apache.arrow.vector.Float8Vector;

/** Parses decimal numbers into a {@link Float8Vector}. */
final class Float64Appender implements ColumnAppender {
  private final Float8Vector vector;
  private final NumberParser parser = new NumberParser();

  Float64Appender(Float8Vector vector) {
    this.vector = vector;
  }

  @Override
  public boolean append(int row, byte[] bytes, int start, int end) {
    int from = AsciiSpaces.trimStart(bytes, start, end);
    if (!parser.parseDouble(bytes, from, AsciiSpaces.trimEnd(bytes, from, end))) {
      return false;
    }
    vector.setSafe(row, parser.doubleValue());
    return true;
  }

  @Override
  public void appendNull(int row) {
    vector.setNull(row);
  }

  @Override
  public String expected() {
    return "float64 (a number such as 1.5 or 2e-3)";
  }
}
