package dev.hygge.jdbc.postgres;

import org.apache.arrow.vector.BigIntVector;

/** Decodes PostgreSQL {@code int8} into a {@link BigIntVector}. */
final class Int8FieldReader implements CopyFieldReader {
  private final BigIntVector vector;

  Int8FieldReader(BigIntVector vector) {
    this.vector = vector;
  }

  @Override
  public void read(CopyInput in, int length, int row) {
    vector.setSafe(row, in.readLong());
  }

  @Override
  public void setNull(int row) {
    vector.setNull(row);
  }
}
