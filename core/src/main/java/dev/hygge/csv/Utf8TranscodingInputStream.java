package dev.hygge.csv;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Re-encodes text in any character set as UTF-8 bytes, so the CSV parser only ever sees UTF-8.
 * Bytes that are not valid in the source character set fail the read instead of being replaced.
 * Closing it closes the source stream.
 */
final class Utf8TranscodingInputStream extends InputStream {
  /** Worst case UTF-8 bytes per UTF-16 char. */
  private static final int MAX_BYTES_PER_CHAR = 3;

  private final Reader reader;
  private final CharsetEncoder encoder = UTF_8.newEncoder();
  private final CharBuffer chars;
  private final ByteBuffer bytes;
  private boolean endOfInput;
  private boolean flushed;

  Utf8TranscodingInputStream(InputStream source, Charset charset, int bufferChars) {
    this.reader =
        new InputStreamReader(
            source,
            charset
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    this.chars = CharBuffer.allocate(bufferChars);
    this.bytes = ByteBuffer.allocate(bufferChars * MAX_BYTES_PER_CHAR);
    bytes.flip();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (!bytes.hasRemaining()) {
      if (flushed) {
        return -1;
      }
      transcodeMore();
    }
    int n = Math.min(length, bytes.remaining());
    bytes.get(target, offset, n);
    return n;
  }

  private void transcodeMore() throws IOException {
    bytes.clear();
    if (!endOfInput && reader.read(chars) < 0) {
      endOfInput = true;
    }
    chars.flip();
    CoderResult result = encoder.encode(chars, bytes, endOfInput);
    if (result.isError()) {
      result.throwException();
    }
    if (endOfInput) {
      encoder.flush(bytes);
      flushed = true;
    }
    chars.compact();
    bytes.flip();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
