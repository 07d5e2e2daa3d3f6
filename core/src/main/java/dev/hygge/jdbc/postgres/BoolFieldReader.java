package dev.hygge.jdbc.postgres;

import org.apache.arrow.vector.BitVector;

/** Decodes PostgreSQL {@code bool} (one byte) into a {@link BitVector}. */
final class BoolFieldReader implements CopyFieldReader {
  private final BitVector vector;

  BoolFieldReader(BitVector vector) {
    this.vector = vector;
  }

  @Override
  public void read(CopyInput in, int length, int row) {
    vector.setSafe(row, in.readByte() == 0 ? 0 : 1);
  }

  @Override
  public void setNull(int row) {
    vector.setNull(row);
  }
}
