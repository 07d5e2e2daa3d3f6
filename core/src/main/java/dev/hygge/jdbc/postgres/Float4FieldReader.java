package dev.hygge.jdbc.postgres;

import org.apache.arrow.vector.Float4Vector;

/** Decodes PostgreSQL {@code float4} (IEEE 754 bits) into a {@link Float4Vector}. */
final class Float4FieldReader implements CopyFieldReader {
  private final Float4Vector vector;

  Float4FieldReader(Float4Vector vector) {
    this.vector = vector;
  }

  @Override
  public void read(CopyInput in, int length, int row) {
    vector.setSafe(row, Float.intBitsToFloat(in.readInt()));
  }

  @Override
  public void setNull(int row) {
    vector.setNull(row);
  }
}
