package dev.hygge.jdbc.sqlserver;

import java.util.function.IntFunction;
import org.apache.arrow.vector.FieldVector;

/** Reads a binary vector as {@code byte[]}s for {@code VARBINARY} and {@code BINARY}. */
final class BinaryBulkColumn implements BulkColumn {
  private final FieldVector vector;
  private final IntFunction<byte[]> bytes;

  /**
   * @param bytes the bytes of a non-null row of {@code vector}
   */
  BinaryBulkColumn(FieldVector vector, IntFunction<byte[]> bytes) {
    this.vector = vector;
    this.bytes = bytes;
  }

  @Override
  public Object value(int row) {
    return vector.isNull(row) ? null : bytes.apply(row);
  }
}
