package dev.hygge.storage.azure;

import java.io.OutputStream;

/**
 * Receives a ranged download straight into the caller's array, refusing more than the range, so a
 * read needs no intermediate copy.
 */
final class ArrayRangeOutput extends OutputStream {
  private final byte[] target;
  private final int end;
  private int at;
  private final int start;

  ArrayRangeOutput(byte[] target, int offset, int length) {
    this.target = target;
    this.start = offset;
    this.at = offset;
    this.end = offset + length;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    if (length > end - at) {
      throw new IllegalStateException(
          "The service sent more than the " + (end - start) + " bytes asked for");
    }
    System.arraycopy(bytes, offset, target, at, length);
    at += length;
  }

  /** How many bytes arrived. */
  int written() {
    return at - start;
  }
}
