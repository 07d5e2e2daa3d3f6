package dev.hygge.parquet;

import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.schema.MessageType;

/** Converts schemas between Arrow and Parquet the way Arrow C++ does. */
public final class ParquetSchemas {
  private ParquetSchemas() {}

  /**
   * The Parquet schema hygge writes for an Arrow schema.
   *
   * @throws dev.hygge.HyggeException of kind STORE naming a column whose type Parquet cannot hold
   */
  public static MessageType toParquet(Schema arrow) {
    return ArrowToParquetSchema.convert(arrow);
  }

  /**
   * The Arrow schema of a Parquet file: its stored {@code ARROW:schema} where it matches, else the
   * mapping of its Parquet logical types.
   *
   * @throws dev.hygge.HyggeException of kind HOME naming a column with no Arrow equivalent
   */
  public static Schema toArrow(FileMetaData metadata) {
    return toArrow(metadata.getSchema(), metadata.getKeyValueMetaData());
  }

  /** The Arrow schema of a Parquet schema with a file's key-value metadata. */
  public static Schema toArrow(MessageType parquet, Map<String, String> keyValueMetadata) {
    return ParquetToArrowSchema.convert(
        parquet, keyValueMetadata, "Parquet schema " + parquet.getName());
  }
}
