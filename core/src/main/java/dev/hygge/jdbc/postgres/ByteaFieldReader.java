package dev.hygge.jdbc.postgres;

import org.apache.arrow.vector.VarBinaryVector;

/** Copies PostgreSQL {@code bytea} (raw bytes) into a {@link VarBinaryVector}. */
final class ByteaFieldReader implements CopyFieldReader {
  private final VarBinaryVector vector;

  ByteaFieldReader(VarBinaryVector vector) {
    this.vector = vector;
  }

  @Override
  public void read(CopyInput in, int length, int row) {
    vector.setSafe(row, in.array(), in.position(), length);
    in.skip(length);
  }

  @Override
  public void setNull(int row) {
    vector.setNull(row);
  }
}
