package dev.hygge.storage;

import java.io.InputStream;

/**
 * An object to read: whole, as a stream, or by ranges (Parquet footers and column chunks) without
 * downloading the rest.
 */
public interface InputObject {
  /** Where the object is. */
  Location location();

  /**
   * The object's length in bytes.
   *
   * @throws dev.hygge.HyggeException of kind HOME when the object does not exist or cannot be read
   */
  long length();

  /**
   * Reads exactly {@code length} bytes starting at {@code position} into {@code buffer}.
   *
   * @throws dev.hygge.HyggeException of kind HOME when the range runs past the end of the object,
   *     the object does not exist, or reading fails
   */
  void readFully(long position, byte[] buffer, int offset, int length);

  /**
   * Opens a stream over the whole object. The caller closes it.
   *
   * @throws dev.hygge.HyggeException of kind HOME when the object does not exist or cannot be read
   */
  InputStream newStream();
}
