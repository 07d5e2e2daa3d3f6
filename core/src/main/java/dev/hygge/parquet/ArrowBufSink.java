package dev.hygge.parquet;

import java.io.OutputStream;
import org.apache.arrow.memory.ArrowBuf;

/**
 * An output stream into an Arrow buffer at a position, so a Parquet {@code Binary} can write itself
 * into a vector's data buffer without an intermediate array or ByteBuffer. Reused for every value.
 */
final class ArrowBufSink extends OutputStream {
  private ArrowBuf target;
  private long position;

  ArrowBufSink at(ArrowBuf buffer, long start) {
    this.target = buffer;
    this.position = start;
    return this;
  }

  @Override
  public void write(int b) {
    target.setByte(position++, b);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    target.setBytes(position, bytes, offset, length);
    position += length;
  }
}
