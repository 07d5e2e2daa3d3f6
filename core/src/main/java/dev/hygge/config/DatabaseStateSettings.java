package dev.hygge.config;

import dev.hygge.jdbc.Database;
import dev.hygge.jdbc.DatabaseFile;
import dev.hygge.jdbc.duckdb.DuckDbDialect;
import dev.hygge.jdbc.postgres.PostgresServer;
import dev.hygge.jdbc.sqlite.SqliteDialect;
import dev.hygge.state.DatabaseStateStore;
import dev.hygge.state.StateLocation;
import java.util.List;

/** The settings of {@code state: {type: database}}: which database, and the table in it. */
final class DatabaseStateSettings {
  static final String DATABASE_TYPE = "database_type";
  static final String DATABASE = "database";
  static final String URL = "url";
  static final String USER = "user";
  static final String PASSWORD = "password";
  static final String TABLE = "table";

  private static final String DUCKDB = "duckdb";
  private static final String SQLITE = "sqlite";
  private static final String POSTGRES = "postgres";

  /** Every database state setting. */
  static final List<Setting> ALL =
      List.of(
          new Setting(
              DATABASE_TYPE,
              SettingType.CHOICE,
              java.util.Optional.empty(),
              false,
              List.of(DUCKDB, SQLITE, POSTGRES),
              "type: database only: the database that keeps the state table (duckdb and sqlite"
                  + " take database, postgres takes url, user and password)."),
          Setting.optional(
              DATABASE,
              SettingType.PATH,
              "type: database with duckdb or sqlite: the database file, relative to the project"
                  + " directory."),
          Setting.optional(
              URL,
              SettingType.STRING,
              "type: database with postgres: the JDBC URL, jdbc:postgresql://host:port/database."),
          Setting.optional(USER, SettingType.STRING, "type: database with postgres: the user."),
          Setting.optional(
              PASSWORD,
              SettingType.STRING,
              "type: database with postgres: the user's password; never printed."),
          Setting.optional(
              TABLE,
              SettingType.STRING,
              DatabaseStateStore.DEFAULT_TABLE,
              "type: database only: the state table, created on first use."));

  private DatabaseStateSettings() {}

  /** The table that {@code settings} name. */
  static StateLocation.Table read(Settings settings) {
    if (!settings.has(DATABASE_TYPE)) {
      throw settings.error(DATABASE_TYPE, "type: database needs it: duckdb, sqlite or postgres.");
    }
    String type = settings.string(DATABASE_TYPE);
    Database database =
        switch (type) {
          case DUCKDB, SQLITE -> {
            refuse(settings, type, URL, USER, PASSWORD);
            if (!settings.has(DATABASE)) {
              throw settings.error(DATABASE, "database_type: " + type + " needs the file.");
            }
            yield new DatabaseFile(
                type.equals(DUCKDB) ? new DuckDbDialect() : new SqliteDialect(),
                settings.path(DATABASE),
                settings.string(DATABASE));
          }
          default -> {
            refuse(settings, type, DATABASE);
            if (!settings.has(URL)) {
              throw settings.error(URL, "database_type: postgres needs the JDBC URL.");
            }
            String url = settings.string(URL);
            if (!url.startsWith(PostgresServer.URL_PREFIX)) {
              throw settings.error(URL, "must start with " + PostgresServer.URL_PREFIX);
            }
            yield new PostgresServer(
                url, settings.optionalString(USER), settings.optionalString(PASSWORD));
          }
        };
    return new StateLocation.Table(database, settings.string(TABLE));
  }

  private static void refuse(Settings settings, String type, String... keys) {
    for (String key : keys) {
      if (settings.has(key)) {
        throw settings.error(key, "database_type: " + type + " does not take it; remove it.");
      }
    }
  }
}
