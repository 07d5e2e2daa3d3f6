package dev.hygge.jdbc.duckdb;

import dev.hygge.config.Setting;
import dev.hygge.config.SettingType;
import dev.hygge.config.Settings;
import dev.hygge.flow.Store;
import dev.hygge.flow.StoreType;
import dev.hygge.jdbc.JdbcStoreSettings;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code duckdb} store: a table in a DuckDB database file or on MotherDuck, published in one
 * transaction.
 */
public final class DuckDbStoreType implements StoreType {

  @Override
  public String name() {
    return "duckdb";
  }

  @Override
  public String description() {
    return "A table in a DuckDB database file, staged and published in one transaction.";
  }

  private static final List<Setting> SETTINGS =
      Stream.concat(
              JdbcStoreSettings.ALL.stream().map(DuckDbStoreType::describeDatabase),
              Stream.of(DuckDbDatabases.CREDENTIAL_SETTING))
          .toList();

  @Override
  public List<Setting> settings() {
    return SETTINGS;
  }

  private static Setting describeDatabase(Setting setting) {
    return setting.name().equals(DuckDbDatabases.DATABASE)
        ? Setting.required(
            DuckDbDatabases.DATABASE,
            SettingType.PATH,
            "The database file, created when it does not exist; or md:<name> for a MotherDuck"
                + " database.")
        : setting;
  }

  @Override
  public Store create(Settings settings) {
    return JdbcStoreSettings.store(DuckDbDatabases.of(settings), settings);
  }
}
