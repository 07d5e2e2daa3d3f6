package dev.hygge.jdbc.sqlite;

import dev.hygge.config.Setting;
import dev.hygge.config.Settings;
import dev.hygge.flow.Store;
import dev.hygge.flow.StoreType;
import dev.hygge.jdbc.JdbcStoreSettings;
import java.util.List;

/** The {@code sqlite} store: a table in a SQLite database file, published in one transaction. */
public final class SqliteStoreType implements StoreType {

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public String description() {
    return "A table in a SQLite database file, staged and published in one transaction.";
  }

  @Override
  public List<Setting> settings() {
    return JdbcStoreSettings.ALL;
  }

  @Override
  public Store create(Settings settings) {
    return JdbcStoreSettings.store(new SqliteDialect(), settings);
  }
}
