package dev.hygge.jdbc.sqlserver;

import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import org.apache.arrow.vector.FieldVector;

/** Reads a UTF-8 string vector as {@link String}s for {@code NVARCHAR}. */
final class TextBulkColumn implements BulkColumn {
  private final FieldVector vector;
  private final IntFunction<byte[]> bytes;

  /**
   * @param bytes the UTF-8 bytes of a non-null row of {@code vector}
   */
  TextBulkColumn(FieldVector vector, IntFunction<byte[]> bytes) {
    this.vector = vector;
    this.bytes = bytes;
  }

  @Override
  public Object value(int row) {
    return vector.isNull(row) ? null : new String(bytes.apply(row), StandardCharsets.UTF_8);
  }
}
