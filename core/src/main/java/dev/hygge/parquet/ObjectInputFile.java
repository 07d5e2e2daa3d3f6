package dev.hygge.parquet;

import static java.util.Objects.requireNonNull;

import dev.hygge.storage.InputObject;
import java.io.EOFException;
import java.nio.ByteBuffer;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet input file that is an object in an object store, read by ranges: the footer and the
 * column chunks a reader asks for, never the whole object. Small reads are served from a read-ahead
 * buffer; large reads go to the store as ranges of their own.
 */
final class ObjectInputFile implements InputFile {
  /** Bytes fetched at once for small reads (footer lengths, page headers, row group copies). */
  static final int READ_AHEAD = 4 * 1024 * 1024;

  /** The largest range fetched in one request when filling a large buffer. */
  static final int MAX_RANGE = 16 * 1024 * 1024;

  private final InputObject object;
  private long length;

  /**
   * @param length the object's length when known (from a listing), else -1 to ask the store
   */
  ObjectInputFile(InputObject object, long length) {
    this.object = requireNonNull(object, "object is null");
    this.length = length;
  }

  @Override
  public long getLength() {
    if (length < 0) {
      length = object.length();
    }
    return length;
  }

  @Override
  public SeekableInputStream newStream() {
    return new Stream(object, getLength());
  }

  @Override
  public String toString() {
    return object.location().toString();
  }

  private static final class Stream extends SeekableInputStream {
    private final InputObject object;
    private final long length;
    private byte[] buffer = new byte[0];
    private long bufferStart;
    private long bufferEnd;
    private long position;

    Stream(InputObject object, long length) {
      this.object = object;
      this.length = length;
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void seek(long newPosition) {
      position = newPosition;
    }

    @Override
    public int read() {
      if (position >= length) {
        return -1;
      }
      byte[] one = new byte[1];
      readFully(one, 0, 1);
      return one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int count) {
      if (count == 0) {
        return 0;
      }
      if (position >= length) {
        return -1;
      }
      int n = (int) Math.min(count, length - position);
      readFully(bytes, offset, n);
      return n;
    }

    @Override
    public int read(ByteBuffer target) {
      if (!target.hasRemaining()) {
        return 0;
      }
      if (position >= length) {
        return -1;
      }
      int n = (int) Math.min(target.remaining(), length - position);
      ByteBuffer slice = target.slice();
      slice.limit(n);
      fill(slice);
      target.position(target.position() + n);
      return n;
    }

    @Override
    public void readFully(byte[] bytes) {
      readFully(bytes, 0, bytes.length);
    }

    @Override
    public void readFully(byte[] bytes, int offset, int count) {
      fill(ByteBuffer.wrap(bytes, offset, count));
    }

    @Override
    public void readFully(ByteBuffer target) {
      fill(target);
    }

    /** Fills the buffer's remaining bytes from the current position, or fails at the end. */
    private void fill(ByteBuffer target) {
      if (position + target.remaining() > length) {
        throw new java.io.UncheckedIOException(
            new EOFException(
                "Unexpected end of "
                    + object.location()
                    + ": "
                    + target.remaining()
                    + " bytes asked at "
                    + position
                    + " of "
                    + length));
      }
      while (target.hasRemaining()) {
        int fromBuffer = buffered(target);
        if (fromBuffer > 0) {
          continue;
        }
        if (target.remaining() >= READ_AHEAD) {
          int count = Math.min(target.remaining(), MAX_RANGE);
          readDirect(target, count);
        } else {
          int count = (int) Math.min(READ_AHEAD, length - position);
          if (buffer.length < count) {
            buffer = new byte[READ_AHEAD];
          }
          object.readFully(position, buffer, 0, count);
          bufferStart = position;
          bufferEnd = position + count;
        }
      }
    }

    private int buffered(ByteBuffer target) {
      if (position < bufferStart || position >= bufferEnd) {
        return 0;
      }
      int n = (int) Math.min(target.remaining(), bufferEnd - position);
      target.put(buffer, (int) (position - bufferStart), n);
      position += n;
      return n;
    }

    private void readDirect(ByteBuffer target, int count) {
      if (target.hasArray()) {
        object.readFully(position, target.array(), target.arrayOffset() + target.position(), count);
        target.position(target.position() + count);
      } else {
        byte[] chunk = new byte[count];
        object.readFully(position, chunk, 0, count);
        target.put(chunk);
      }
      position += count;
    }

    @Override
    public void close() {
      buffer = new byte[0];
    }
  }
}
