package dev.hygge.jdbc.duckdb;

import dev.hygge.config.Setting;
import dev.hygge.config.SettingType;
import dev.hygge.config.Settings;
import dev.hygge.flow.Home;
import dev.hygge.flow.HomeType;
import dev.hygge.jdbc.JdbcHomeSettings;
import java.util.List;
import java.util.stream.Stream;

/** The {@code duckdb} home: a table or a query in a DuckDB database file or on MotherDuck. */
public final class DuckDbHomeType implements HomeType {
  static final String DATABASE = "database";

  private static final List<Setting> SETTINGS =
      Stream.concat(
              Stream.of(
                  Setting.required(
                      DATABASE,
                      SettingType.PATH,
                      "The DuckDB database file, or md:<name> for a MotherDuck database."),
                  DuckDbDatabases.CREDENTIAL_SETTING),
              JdbcHomeSettings.SOURCE_SETTINGS.stream())
          .toList();

  @Override
  public String name() {
    return "duckdb";
  }

  @Override
  public String description() {
    return "Reads a table or a query of a DuckDB database file or a MotherDuck database.";
  }

  @Override
  public List<Setting> settings() {
    return SETTINGS;
  }

  @Override
  public Home create(Settings settings) {
    return JdbcHomeSettings.home(DuckDbDatabases.of(settings), settings);
  }
}
