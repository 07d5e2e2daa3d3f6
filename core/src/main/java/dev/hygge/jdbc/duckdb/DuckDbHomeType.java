package dev.hygge.jdbc.duckdb;

import dev.hygge.config.Setting;
import dev.hygge.config.SettingType;
import dev.hygge.config.Settings;
import dev.hygge.flow.Home;
import dev.hygge.flow.HomeType;
import dev.hygge.jdbc.DatabaseFile;
import dev.hygge.jdbc.JdbcHome;
import dev.hygge.jdbc.JdbcStore;
import java.util.List;
import java.util.Optional;

/** The {@code duckdb} home: a table or a query in a DuckDB database file. */
public final class DuckDbHomeType implements HomeType {
  static final String DATABASE = "database";
  static final String TABLE = "table";
  static final String QUERY = "query";

  private static final List<Setting> SETTINGS =
      List.of(
          Setting.required(DATABASE, SettingType.PATH, "The DuckDB database file."),
          Setting.optional(
              TABLE,
              SettingType.STRING,
              "The table to read, optionally as schema.table; {entity} stands for the entity name."
                  + " Defaults to {entity} when no query is given."),
          Setting.optional(
              QUERY, SettingType.STRING, "A SELECT whose result is read; excludes table."));

  @Override
  public String name() {
    return "duckdb";
  }

  @Override
  public String description() {
    return "Reads a table or a query of a DuckDB database file.";
  }

  @Override
  public List<Setting> settings() {
    return SETTINGS;
  }

  @Override
  public Home create(Settings settings) {
    if (settings.has(TABLE) && settings.has(QUERY)) {
      throw settings.error(QUERY, "give either table or query, not both");
    }
    Optional<String> query = settings.optionalString(QUERY);
    if (query.filter(String::isBlank).isPresent()) {
      throw settings.error(QUERY, "must not be empty");
    }
    Optional<String> table =
        query.isPresent()
            ? Optional.empty()
            : Optional.of(settings.optionalString(TABLE).orElse(JdbcStore.ENTITY_PLACEHOLDER));
    return new JdbcHome(
        new DatabaseFile(new DuckDbDialect(), settings.path(DATABASE), settings.string(DATABASE)),
        table,
        query);
  }
}
