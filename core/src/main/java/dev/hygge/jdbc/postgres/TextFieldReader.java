package dev.hygge.jdbc.postgres;

import org.apache.arrow.vector.VarCharVector;

/**
 * Copies PostgreSQL text ({@code text}, {@code varchar}, {@code bpchar}, {@code name}: UTF-8 bytes)
 * into a {@link VarCharVector}.
 */
final class TextFieldReader implements CopyFieldReader {
  private final VarCharVector vector;

  TextFieldReader(VarCharVector vector) {
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
