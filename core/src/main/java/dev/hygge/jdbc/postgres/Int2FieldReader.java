package dev.hygge.jdbc.postgres;

import org.apache.arrow.vector.SmallIntVector;

/** Decodes PostgreSQL {@code int2} into a {@link SmallIntVector}. */
final class Int2FieldReader implements CopyFieldReader {
  private final SmallIntVector vector;

  Int2FieldReader(SmallIntVector vector) {
    this.vector = vector;
  }

  @Override
  public void read(CopyInput in, int length, int row) {
    vector.setSafe(row, in.readShort());
  }

  @Override
  public void setNull(int row) {
    vector.setNull(row);
  }
}
