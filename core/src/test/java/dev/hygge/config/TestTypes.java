package dev.hygge.config;

import dev.hygge.flow.BatchReader;
import dev.hygge.flow.Home;
import dev.hygge.flow.HomeType;
import dev.hygge.flow.ReadRequest;
import dev.hygge.flow.Registry;
import dev.hygge.flow.Store;
import dev.hygge.flow.StoreType;
import dev.hygge.flow.StoreWriter;
import dev.hygge.flow.WriteRequest;
import java.util.List;

/**
 * Home and store types for loader tests. They are real implementations of the type contracts that
 * bind settings; their homes and stores hold the bound settings and move no data, because these
 * tests are about configuration only.
 */
final class TestTypes {
  static final int MAX_LEVEL = 22;

  private TestTypes() {}

  static Registry registry() {
    return new Registry(
        List.of(new FilesHomeType()), List.of(new LakeStoreType(), new TableStoreType()));
  }

  /** A home bound to its settings. */
  record BoundHome(Settings settings) implements Home {
    @Override
    public BatchReader open(ReadRequest request) {
      throw new UnsupportedOperationException("test home binds settings only");
    }

    @Override
    public String describe() {
      return "files " + settings.string("path");
    }
  }

  /** A store bound to its settings. */
  record BoundStore(Settings settings) implements Store {
    @Override
    public StoreWriter open(WriteRequest request) {
      throw new UnsupportedOperationException("test store binds settings only");
    }

    @Override
    public String describe() {
      return "test store";
    }
  }

  /** Files under a path. */
  record FilesHomeType() implements HomeType {
    @Override
    public String name() {
      return "files";
    }

    @Override
    public String description() {
      return "Files under a path.";
    }

    @Override
    public List<Setting> settings() {
      return List.of(
          Setting.required("path", SettingType.PATH, "Where the files are."),
          Setting.choice("format", List.of("parquet", "csv"), "parquet", "The file format."),
          Setting.optional("options", SettingType.MAP, "Reader options."));
    }

    @Override
    public Home create(Settings settings) {
      return new BoundHome(settings);
    }
  }

  /** A data lake directory. */
  record LakeStoreType() implements StoreType {
    @Override
    public String name() {
      return "lake";
    }

    @Override
    public String description() {
      return "A data lake directory.";
    }

    @Override
    public List<Setting> settings() {
      return List.of(
          Setting.required("path", SettingType.PATH, "Where the files go."),
          Setting.choice("compression", List.of("snappy", "zstd", "gzip"), "snappy", "The codec."),
          Setting.optional("level", SettingType.INTEGER, "The codec level."),
          Setting.optional("password", SettingType.STRING, "An encryption password."),
          Setting.optional("partition_by", SettingType.LIST, "Partition columns."));
    }

    @Override
    public Store create(Settings settings) {
      if (settings.has("level") && settings.integer("level") > MAX_LEVEL) {
        throw settings.error("level", "must be at most " + MAX_LEVEL);
      }
      return new BoundStore(settings);
    }
  }

  /** A database table. */
  record TableStoreType() implements StoreType {
    @Override
    public String name() {
      return "table";
    }

    @Override
    public String description() {
      return "A database table.";
    }

    @Override
    public List<Setting> settings() {
      return List.of(Setting.required("table", SettingType.STRING, "The table."));
    }

    @Override
    public Store create(Settings settings) {
      return new BoundStore(settings);
    }
  }
}
