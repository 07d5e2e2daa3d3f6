package dev.hygge.jdbc.postgres;

import dev.hygge.config.Setting;
import dev.hygge.config.Settings;
import dev.hygge.flow.Home;
import dev.hygge.flow.HomeType;
import dev.hygge.jdbc.JdbcHomeSettings;
import java.util.List;

/** The {@code postgres} home: a table or a query of a PostgreSQL database, read by a cursor. */
public final class PostgresHomeType implements HomeType {
  private static final List<Setting> SETTINGS =
      PostgresSettings.with(JdbcHomeSettings.SOURCE_SETTINGS);

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public String description() {
    return "Reads a table or a query of a PostgreSQL database through a server-side cursor.";
  }

  @Override
  public List<Setting> settings() {
    return SETTINGS;
  }

  @Override
  public Home create(Settings settings) {
    return JdbcHomeSettings.home(PostgresSettings.server(settings), settings);
  }
}
