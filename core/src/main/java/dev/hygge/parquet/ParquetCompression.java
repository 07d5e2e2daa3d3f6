package dev.hygge.parquet;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** The compression codecs hygge writes Parquet with; {@code LZ4} means Parquet's LZ4_RAW. */
public enum ParquetCompression {
  SNAPPY(CompressionCodecName.SNAPPY),
  ZSTD(CompressionCodecName.ZSTD),
  GZIP(CompressionCodecName.GZIP),
  LZ4(CompressionCodecName.LZ4_RAW),
  NONE(CompressionCodecName.UNCOMPRESSED);

  private final CompressionCodecName codec;

  ParquetCompression(CompressionCodecName codec) {
    this.codec = codec;
  }

  CompressionCodecName codec() {
    return codec;
  }
}
