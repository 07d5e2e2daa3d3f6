package dev.hygge.flow;

import java.util.OptionalLong;

/**
 * A capability of a {@link StoreWriter}: taking a reader's data as it is already encoded, without
 * decoding it into Arrow and encoding it again (Parquet row groups copied into Parquet files when
 * their columns and codec already are what the store would write). The flow offers the reader
 * before it starts pumping batches; staging and commit work as for written batches.
 */
public interface DirectCopy {

  /** Receives progress of a copy. */
  interface Progress {
    /** So far this many rows and bytes were copied. */
    void copied(long rows, long bytes);
  }

  /**
   * Copies everything the reader would produce, if this writer can take it as it is.
   *
   * @param reader a reader that has not loaded a batch yet
   * @return the rows copied, or empty when the reader's data cannot be copied as it is; then
   *     nothing was staged and the reader is untouched, so the caller moves batches instead
   * @throws dev.hygge.HyggeException of kind HOME or STORE when the copy fails part way; the caller
   *     aborts the writer
   */
  OptionalLong copyFrom(BatchReader reader, Progress progress);
}
