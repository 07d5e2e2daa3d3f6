package dev.hygge.jdbc.postgres;

import dev.hygge.config.Setting;
import dev.hygge.config.SettingType;
import dev.hygge.config.Settings;
import java.util.List;
import java.util.stream.Stream;

/** The connection settings of the PostgreSQL home and store, and the server they name. */
final class PostgresSettings {
  static final String URL = "url";
  static final String USER = "user";
  static final String PASSWORD = "password";

  /** {@code url}, {@code user} and {@code password}. */
  static final List<Setting> CONNECTION =
      List.of(
          Setting.required(
              URL, SettingType.STRING, "The JDBC URL, jdbc:postgresql://host:port/database."),
          Setting.optional(USER, SettingType.STRING, "The user to connect as."),
          Setting.optional(
              PASSWORD,
              SettingType.STRING,
              "The user's password; never printed (write it as ${VAR} and keep it in .env)."));

  private PostgresSettings() {}

  /** The connection settings followed by {@code others}. */
  static List<Setting> with(List<Setting> others) {
    return Stream.concat(CONNECTION.stream(), others.stream()).toList();
  }

  /** The server {@code settings} name. */
  static PostgresServer server(Settings settings) {
    String url = settings.string(URL);
    if (!url.startsWith(PostgresServer.URL_PREFIX)) {
      throw settings.error(URL, "must start with " + PostgresServer.URL_PREFIX);
    }
    return new PostgresServer(
        url, settings.optionalString(USER), settings.optionalString(PASSWORD));
  }
}
