package dev.hygge.csv;

import org.apache.arrow.vector.DecimalVector;

/**
 * Parses plain decimals into a {@link DecimalVector} at its precision and scale, never rounding.
 */
final class DecimalAppender implements ColumnAppender {
  private final DecimalVector vector;
  private final DecimalParser parser;

  DecimalAppender(DecimalVector vector) {
    this.vector = vector;
    this.parser = new DecimalParser(vector.getPrecision(), vector.getScale());
  }

  @Override
  public boolean append(int row, byte[] bytes, int start, int end) {
    int from = AsciiSpaces.trimStart(bytes, start, end);
    if (!parser.parse(bytes, from, AsciiSpaces.trimEnd(bytes, from, end))) {
      return false;
    }
    if (parser.fitsLong()) {
      vector.setSafe(row, parser.unscaled());
    } else {
      vector.setSafe(row, parser.wide());
    }
    return true;
  }

  @Override
  public void appendNull(int row) {
    vector.setNull(row);
  }

  @Override
  public String expected() {
    return "decimal("
        + vector.getPrecision()
        + ","
        + vector.getScale()
        + ") (a plain number with at most "
        + vector.getScale()
        + " digits after the point and "
        + (vector.getPrecision() - vector.getScale())
        + " before it)";
  }
}
