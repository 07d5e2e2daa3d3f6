package dev.hygge.parquet;

import static java.util.Objects.requireNonNull;

/**
 * How {@link ArrowParquetWriter} lays out a file.
 *
 * @param compression the page compression codec
 * @param rowGroupSize the target size of one row group in bytes, as buffered before compression
 * @param pageSize the target size of one data page in bytes
 */
public record ParquetWriteOptions(ParquetCompression compression, long rowGroupSize, int pageSize) {
  /** 128 MiB row groups, as parquet-mr and Arrow C++ default to. */
  public static final long DEFAULT_ROW_GROUP_SIZE = 128L * 1024 * 1024;

  /** 1 MiB pages, the Parquet default. */
  public static final int DEFAULT_PAGE_SIZE = 1024 * 1024;

  public ParquetWriteOptions {
    requireNonNull(compression, "compression is null");
    if (rowGroupSize <= 0) {
      throw new IllegalArgumentException("rowGroupSize must be positive: " + rowGroupSize);
    }
    if (pageSize <= 0) {
      throw new IllegalArgumentException("pageSize must be positive: " + pageSize);
    }
  }

  /** Snappy, 128 MiB row groups, 1 MiB pages. */
  public static ParquetWriteOptions defaults() {
    return new ParquetWriteOptions(
        ParquetCompression.SNAPPY, DEFAULT_ROW_GROUP_SIZE, DEFAULT_PAGE_SIZE);
  }

  /** These options with another codec. */
  public ParquetWriteOptions withCompression(ParquetCompression codec) {
    return new ParquetWriteOptions(codec, rowGroupSize, pageSize);
  }

  /** These options with another row group size. */
  public ParquetWriteOptions withRowGroupSize(long bytes) {
    return new ParquetWriteOptions(compression, bytes, pageSize);
  }
}
