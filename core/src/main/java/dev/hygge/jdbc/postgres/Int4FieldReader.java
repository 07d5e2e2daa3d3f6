package dev.hygge.jdbc.postgres;

import org.apache.arrow.vector.IntVector;

/** Decodes PostgreSQL {@code int4} into an {@link IntVector}. */
final class Int4FieldReader implements CopyFieldReader {
  private final IntVector vector;

  Int4FieldReader(IntVector vector) {
    this.vector = vector;
  }

  @Override
  public void read(CopyInput in, int length, int row) {
    vector.setSafe(row, in.readInt());
  }

  @Override
  public void setNull(int row) {
    vector.setNull(row);
  }
}
