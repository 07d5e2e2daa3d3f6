package dev.hygge.parquet;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.parquet.io.api.Binary;

/**
 * One heap array, grown as needed, that binary leaf writers copy each value into before handing it
 * to Parquet as a reused (not constant) {@link Binary}. Shared by the writers of one chunk.
 */
final class ReusedBytes {
  private static final int INITIAL_SIZE = 256;
  private byte[] bytes = new byte[INITIAL_SIZE];

  Binary copy(ArrowBuf source, long start, int length) {
    if (length > bytes.length) {
      bytes = new byte[Math.max(length, bytes.length * 2)];
    }
    source.getBytes(start, bytes, 0, length);
    return Binary.fromReusedByteArray(bytes, 0, length);
  }
}
