package dev.hygge.jdbc;

import dev.hygge.config.Setting;
import dev.hygge.config.SettingType;
import dev.hygge.config.Settings;
import java.util.List;
import java.util.Optional;

/** The settings every database-file store declares, and the store they bind into. */
public final class JdbcStoreSettings {
  static final String DATABASE = "database";
  static final String TABLE = "table";
  static final String IF_EXISTS = "if_exists";
  static final String WRITE_STRATEGY = "write_strategy";
  static final String PRIMARY_KEY = "primary_key";
  static final String SCHEMA_EVOLUTION = "schema_evolution";

  /**
   * Where the rows go: the table, and what to do when it exists. Every database store has these.
   */
  public static final List<Setting> TABLE_SETTINGS =
      List.of(
          Setting.optional(
              TABLE,
              SettingType.STRING,
              JdbcStore.ENTITY_PLACEHOLDER,
              "The target table, optionally as schema.table; {entity} stands for the entity name."),
          new Setting(
              IF_EXISTS,
              SettingType.CHOICE,
              Optional.empty(),
              false,
              List.of("fail", "append", "replace"),
              "When the table exists: fail if it has rows, append to it or replace it; when not"
                  + " given, run_type decides (incremental appends, full_drop replaces)."),
          new Setting(
              WRITE_STRATEGY,
              SettingType.CHOICE,
              Optional.empty(),
              false,
              List.of("direct_insert", "temp_swap", "merge"),
              "How staged rows are published in the commit's transaction: INSERT ... SELECT,"
                  + " a swap by renames, or an upsert keyed by primary_key; when not given,"
                  + " temp_swap when replacing and direct_insert otherwise."),
          Setting.optional(
              PRIMARY_KEY,
              SettingType.LIST,
              "The columns identifying a row, for write_strategy: merge (required by it)."),
          Setting.choice(
              SCHEMA_EVOLUTION,
              List.of("fail", "add_columns"),
              "fail",
              "When the data's columns differ from an existing table's: fail, or add new columns"
                  + " and write missing nullable ones as NULL."));

  /** The declared settings of a database-file store. */
  public static final List<Setting> ALL =
      java.util.stream.Stream.concat(
              java.util.stream.Stream.of(
                  Setting.required(
                      DATABASE,
                      SettingType.PATH,
                      "The database file; created when it does not exist.")),
              TABLE_SETTINGS.stream())
          .toList();

  private JdbcStoreSettings() {}

  /** The store {@code settings} describe, for a database file of {@code dialect}. */
  public static JdbcStore store(FileDialect dialect, Settings settings) {
    return store(
        new DatabaseFile(dialect, settings.path(DATABASE), settings.string(DATABASE)), settings);
  }

  /** The store of {@code database} whose table settings are in {@code settings}. */
  public static JdbcStore store(Database database, Settings settings) {
    String table = settings.string(TABLE);
    if (table.isBlank()) {
      throw settings.error(TABLE, "must not be empty");
    }
    Optional<IfExists> ifExists =
        settings.has(IF_EXISTS)
            ? Optional.of(settings.choice(IF_EXISTS, IfExists.class))
            : Optional.empty();
    Optional<WriteStrategy> strategy =
        settings.has(WRITE_STRATEGY)
            ? Optional.of(settings.choice(WRITE_STRATEGY, WriteStrategy.class))
            : Optional.empty();
    List<String> primaryKey = settings.list(PRIMARY_KEY);
    if (primaryKey.stream().anyMatch(String::isBlank)) {
      throw settings.error(PRIMARY_KEY, "column names must not be empty");
    }
    Optional<String> conflict = WritePolicy.conflict(strategy, ifExists, primaryKey);
    if (conflict.isPresent()) {
      throw settings.error(
          settings.has(PRIMARY_KEY) && strategy.isEmpty() ? PRIMARY_KEY : WRITE_STRATEGY,
          conflict.get());
    }
    SchemaEvolution evolution = settings.choice(SCHEMA_EVOLUTION, SchemaEvolution.class);
    return new JdbcStore(
        database, table, new WritePolicy(ifExists, strategy, primaryKey, evolution));
  }
}
