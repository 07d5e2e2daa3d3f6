package dev.hygge.parquet;

import dev.hygge.config.Setting;
import dev.hygge.config.SettingType;
import dev.hygge.config.Settings;
import dev.hygge.flow.Home;
import dev.hygge.flow.HomeType;
import dev.hygge.storage.StorageSettings;
import java.util.List;

/** The {@code parquet} home type: Parquet files read from a file, a directory or a glob. */
public final class ParquetHomeType implements HomeType {
  static final String NAME = "parquet";
  static final String PATH = "path";

  private static final List<Setting> SETTINGS =
      StorageSettings.with(
          Setting.required(
              PATH,
              SettingType.LOCATION,
              "A Parquet file, a directory (every *.parquet file below it, in name order, skipping"
                  + " directories starting with _ or .) or a glob such as"
                  + " landing/orders/*.parquet or s3://bucket/landing/**/*.parquet."));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Reads Parquet files from a path, directory or glob, local or in object storage, as"
        + " one stream per entity.";
  }

  @Override
  public List<Setting> settings() {
    return SETTINGS;
  }

  @Override
  public Home create(Settings settings) {
    return new ParquetHome(StorageSettings.target(settings, PATH));
  }
}
