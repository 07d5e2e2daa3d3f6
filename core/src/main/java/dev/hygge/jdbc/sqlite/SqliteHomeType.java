package dev.hygge.jdbc.sqlite;

import dev.hygge.config.Setting;
import dev.hygge.config.SettingType;
import dev.hygge.config.Settings;
import dev.hygge.flow.Home;
import dev.hygge.flow.HomeType;
import dev.hygge.jdbc.DatabaseFile;
import dev.hygge.jdbc.JdbcHomeSettings;
import java.util.List;
import java.util.stream.Stream;

/** The {@code sqlite} home: a table or a query in a SQLite database file. */
public final class SqliteHomeType implements HomeType {
  static final String DATABASE = "database";

  private static final List<Setting> SETTINGS =
      Stream.concat(
              Stream.of(Setting.required(DATABASE, SettingType.PATH, "The SQLite database file.")),
              JdbcHomeSettings.SOURCE_SETTINGS.stream())
          .toList();

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public String description() {
    return "Reads a table or a query of a SQLite database file.";
  }

  @Override
  public List<Setting> settings() {
    return SETTINGS;
  }

  @Override
  public Home create(Settings settings) {
    return JdbcHomeSettings.home(
        new DatabaseFile(new SqliteDialect(), settings.path(DATABASE), settings.string(DATABASE)),
        settings);
  }
}
