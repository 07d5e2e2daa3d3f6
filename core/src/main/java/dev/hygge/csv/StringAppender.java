package dev.hygge.csv;

import org.apache.arrow.vector.VarCharVector;

/** Copies field bytes, as they are, into a {@link VarCharVector}. */
final class StringAppender implements ColumnAppender {
  private final VarCharVector vector;

  StringAppender(VarCharVector vector) {
    this.vector = vector;
  }

  @Override
  public boolean append(int row, byte[] bytes, int start, int end) {
    vector.setSafe(row, bytes, start, end - start);
    return true;
  }

  @Override
  public void appendNull(int row) {
    vector.setNull(row);
  }

  @Override
  public String expected() {
    return "string";
  }
}
