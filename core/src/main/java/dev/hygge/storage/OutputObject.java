package dev.hygge.storage;

import java.io.OutputStream;

/**
 * An object being written. Nothing is visible until {@link #commit()} returns; {@link #close()}
 * without a commit (for example when the writer fails mid-way in a try-with-resources block)
 * discards everything written, so an interrupted upload leaves nothing behind. The caller closes
 * it.
 */
public abstract class OutputObject extends OutputStream {
  /** Where the object will be. */
  public abstract Location location();

  /**
   * Appends bytes.
   *
   * @throws dev.hygge.HyggeException of kind STORE when writing fails; the upload is then discarded
   */
  @Override
  public abstract void write(byte[] bytes, int offset, int length);

  @Override
  public void write(byte[] bytes) {
    write(bytes, 0, bytes.length);
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  /** Does nothing: bytes become durable and visible only at {@link #commit()}. */
  @Override
  public void flush() {}

  /** How many bytes have been written so far. */
  public abstract long position();

  /**
   * Publishes what was written, atomically: readers see the whole object or none of it.
   *
   * @throws dev.hygge.HyggeException of kind STORE when the object was created with {@link
   *     ObjectStore#create} and exists by now, or when publishing fails (then nothing is visible)
   */
  public abstract ObjectInfo commit();

  /** Discards what was written unless it was committed; safe to call more than once. */
  @Override
  public abstract void close();
}
