package dev.hygge.parquet;

import dev.hygge.config.Setting;
import dev.hygge.config.SettingType;
import dev.hygge.config.Settings;
import dev.hygge.flow.Store;
import dev.hygge.flow.StoreType;
import dev.hygge.storage.StorageSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The {@code parquet} store: Parquet files in a directory, published atomically per commit. */
public final class ParquetStoreType implements StoreType {
  static final String PATH = "path";
  static final String COMPRESSION = "compression";
  static final String ROW_GROUP_SIZE = "row_group_size";
  static final String PAGE_SIZE = "page_size";
  static final String TARGET_FILE_SIZE = "target_file_size";
  static final String COPY_ROW_GROUPS = "copy_row_groups";

  private static final List<Setting> SETTINGS =
      java.util.stream.Stream.concat(
              StorageSettings.with(
                  Setting.required(
                      PATH,
                      SettingType.LOCATION,
                      "Directory the entity's Parquet files are published into (one directory"
                          + " per entity), local or an object-storage URL such as"
                          + " s3://bucket/lake/{entity}."))
                  .stream(),
              java.util.stream.Stream.of(
                  Setting.choice(
                      COMPRESSION,
                      Arrays.stream(ParquetCompression.values())
                          .map(c -> c.name().toLowerCase(Locale.ROOT))
                          .toList(),
                      "snappy",
                      "Compression codec of the written files."),
                  Setting.optional(
                      ROW_GROUP_SIZE,
                      SettingType.SIZE,
                      "64MB",
                      "Target size of a row group; a writer buffers about this much per open file."),
                  Setting.optional(
                      PAGE_SIZE,
                      SettingType.SIZE,
                      "1MB",
                      "Target size of a data page inside a row group."),
                  Setting.optional(
                      TARGET_FILE_SIZE,
                      SettingType.SIZE,
                      "256MB",
                      "A new file is started once the current one reaches about this size."),
                  Setting.optional(
                      COPY_ROW_GROUPS,
                      SettingType.BOOLEAN,
                      "true",
                      "From a Parquet home whose files already have the written columns and codec, copy"
                          + " row groups as they are instead of decoding and encoding them again.")))
          .toList();

  @Override
  public String name() {
    return "parquet";
  }

  @Override
  public String description() {
    return "Parquet files in a local directory or object storage, staged and published"
        + " atomically on commit.";
  }

  @Override
  public List<Setting> settings() {
    return SETTINGS;
  }

  @Override
  public Store create(Settings settings) {
    long rowGroupSize = settings.size(ROW_GROUP_SIZE);
    long pageSize = settings.size(PAGE_SIZE);
    long targetFileSize = settings.size(TARGET_FILE_SIZE);
    if (rowGroupSize <= 0 || pageSize <= 0 || targetFileSize <= 0) {
      throw settings.error(
          rowGroupSize <= 0 ? ROW_GROUP_SIZE : pageSize <= 0 ? PAGE_SIZE : TARGET_FILE_SIZE,
          "must be greater than 0");
    }
    if (pageSize > Integer.MAX_VALUE) {
      throw settings.error(PAGE_SIZE, "must be below 2GB");
    }
    if (pageSize > rowGroupSize) {
      throw settings.error(PAGE_SIZE, "must not exceed row_group_size (" + rowGroupSize + ")");
    }
    return new ParquetStore(
        StorageSettings.target(settings, PATH),
        new ParquetWriteOptions(
            settings.choice(COMPRESSION, ParquetCompression.class), rowGroupSize, (int) pageSize),
        targetFileSize,
        settings.bool(COPY_ROW_GROUPS)
            ? ParquetStoreWriter.RowGroups.COPY_WHEN_POSSIBLE
            : ParquetStoreWriter.RowGroups.ALWAYS_REWRITE);
  }
}
