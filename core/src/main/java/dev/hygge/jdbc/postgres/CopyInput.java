package dev.hygge.jdbc.postgres;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import org.postgresql.copy.CopyOut;

/**
 * The big-endian bytes of a binary {@code COPY ... TO STDOUT} stream, pulled from the server one
 * message at a time (PostgreSQL sends a row per message) and joined when a value spans two.
 */
final class CopyInput {
  private static final int BYTE_MASK = 0xFF;

  private final CopyOut copy;
  private byte[] bytes = new byte[0];
  private int position;
  private boolean ended;

  CopyInput(CopyOut copy) {
    this.copy = requireNonNull(copy, "copy is null");
  }

  /**
   * Makes sure {@code length} more bytes can be read.
   *
   * @throws SQLException when the stream ends first
   */
  void require(int length) throws SQLException {
    while (bytes.length - position < length) {
      byte[] next = ended ? null : copy.readFromCopy();
      if (next == null) {
        ended = true;
        throw new SQLException(
            "the COPY stream ended after "
                + copy.getHandledRowCount()
                + " rows, in the middle of a row");
      }
      if (position == bytes.length) {
        bytes = next;
      } else {
        byte[] joined = new byte[bytes.length - position + next.length];
        System.arraycopy(bytes, position, joined, 0, bytes.length - position);
        System.arraycopy(next, 0, joined, bytes.length - position, next.length);
        bytes = joined;
      }
      position = 0;
    }
  }

  /** Reads what is left of the stream after its trailer, so the connection is ready again. */
  void drain() throws SQLException {
    while (!ended && copy.readFromCopy() != null) {
      // The trailer is the last thing the server sends; nothing after it is data.
    }
    ended = true;
  }

  short readShort() {
    int value = (bytes[position] & BYTE_MASK) << Byte.SIZE | (bytes[position + 1] & BYTE_MASK);
    position += Short.BYTES;
    return (short) value;
  }

  int readInt() {
    int value = 0;
    for (int i = 0; i < Integer.BYTES; i++) {
      value = value << Byte.SIZE | (bytes[position + i] & BYTE_MASK);
    }
    position += Integer.BYTES;
    return value;
  }

  long readLong() {
    long value = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      value = value << Byte.SIZE | (bytes[position + i] & BYTE_MASK);
    }
    position += Long.BYTES;
    return value;
  }

  byte readByte() {
    return bytes[position++];
  }

  /** The array holding the next {@code length} bytes, which start at {@link #position()}. */
  byte[] array() {
    return bytes;
  }

  int position() {
    return position;
  }

  void skip(int length) {
    position += length;
  }
}
