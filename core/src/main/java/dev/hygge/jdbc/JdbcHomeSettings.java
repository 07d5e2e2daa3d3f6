package dev.hygge.jdbc;

import dev.hygge.config.Setting;
import dev.hygge.config.SettingType;
import dev.hygge.config.Settings;
import java.util.List;
import java.util.Optional;

/** The settings choosing what a database home reads, and the home they bind into. */
public final class JdbcHomeSettings {
  static final String TABLE = "table";
  static final String QUERY = "query";

  /** What to read: a table or a query. Every database home has these. */
  public static final List<Setting> SOURCE_SETTINGS =
      List.of(
          Setting.optional(
              TABLE,
              SettingType.STRING,
              "The table to read, optionally as schema.table; {entity} stands for the entity name."
                  + " Defaults to {entity} when no query is given."),
          Setting.optional(
              QUERY, SettingType.STRING, "A SELECT whose result is read; excludes table."));

  private JdbcHomeSettings() {}

  /** The home reading from {@code database} what {@code settings} name. */
  public static JdbcHome home(Database database, Settings settings) {
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
    return new JdbcHome(database, table, query);
  }
}
