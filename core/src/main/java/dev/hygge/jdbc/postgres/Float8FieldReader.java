package dev.hygge.jdbc.postgres;

import org.apache.arrow.vector.Float8Vector;

/** Decodes PostgreSQL {@code float8} (IEEE 754 bits) into a {@link Float8Vector}. */
final class Float8FieldReader implements CopyFieldReader {
  private final Float8Vector vector;

  Float8FieldReader(Float8Vector vector) {
    this.vector = vector;
  }

  @Override
  public void read(CopyInput in, int length, int row) {
    vector.setSafe(row, Double.longBitsToDouble(in.readLong()));
  }

  @Override
  public void setNull(int row) {
    vector.setNull(row);
  }
}
