package dev.hygge.jdbc.postgres;

import dev.hygge.config.Setting;
import dev.hygge.config.Settings;
import dev.hygge.flow.Store;
import dev.hygge.flow.StoreType;
import dev.hygge.jdbc.JdbcStoreSettings;
import java.util.List;

/** The {@code postgres} store: a PostgreSQL table, loaded by binary COPY in one transaction. */
public final class PostgresStoreType implements StoreType {
  private static final List<Setting> SETTINGS =
      PostgresSettings.with(JdbcStoreSettings.TABLE_SETTINGS);

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public String description() {
    return "A PostgreSQL table, staged by binary COPY and published in one transaction.";
  }

  @Override
  public List<Setting> settings() {
    return SETTINGS;
  }

  @Override
  public Store create(Settings settings) {
    return JdbcStoreSettings.store(PostgresSettings.server(settings), settings);
  }
}
