package dev.hygge.jdbc.postgres;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import org.apache.arrow.memory.ArrowBuf;
import org.postgresql.copy.CopyIn;

/**
 * Big-endian bytes of a binary {@code COPY} stream, sent to the server whenever the buffer fills.
 */
final class CopyBuffer {
  /** How many bytes are gathered before they are sent. */
  static final int CAPACITY_BYTES = 1 << 20;

  private final CopyIn copy;
  private ByteBuffer bytes = ByteBuffer.allocate(CAPACITY_BYTES);

  CopyBuffer(CopyIn copy) {
    this.copy = requireNonNull(copy, "copy is null");
  }

  /** Makes room for {@code length} more bytes, sending what is buffered first when needed. */
  void reserve(int length) throws SQLException {
    if (bytes.remaining() >= length) {
      return;
    }
    flush();
    if (bytes.capacity() < length) {
      bytes = ByteBuffer.allocate(length);
    }
  }

  /** Sends every buffered byte to the server. */
  void flush() throws SQLException {
    if (bytes.position() > 0) {
      copy.writeToCopy(bytes.array(), 0, bytes.position());
      bytes.clear();
    }
  }

  void putByte(byte value) {
    bytes.put(value);
  }

  void putShort(short value) {
    bytes.putShort(value);
  }

  void putInt(int value) {
    bytes.putInt(value);
  }

  void putLong(long value) {
    bytes.putLong(value);
  }

  void putFloat(float value) {
    bytes.putFloat(value);
  }

  void putDouble(double value) {
    bytes.putDouble(value);
  }

  void putBytes(byte[] value) {
    bytes.put(value);
  }

  /** Copies {@code length} bytes of {@code source} from {@code start}. */
  void putBytes(ArrowBuf source, long start, int length) {
    int at = bytes.position();
    source.getBytes(start, bytes.array(), at, length);
    bytes.position(at + length);
  }
}
