package dev.hygge.jdbc.sqlserver;

import dev.hygge.config.Setting;
import dev.hygge.config.SettingType;
import dev.hygge.config.Settings;
import dev.hygge.flow.Store;
import dev.hygge.flow.StoreType;
import dev.hygge.jdbc.IfExists;
import dev.hygge.jdbc.JdbcStoreSettings;
import dev.hygge.jdbc.SchemaEvolution;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code sqlserver} store: a SQL Server or Azure SQL table, bulk-loaded by parallel writers
 * into a staging table and published in one transaction.
 */
public final class SqlServerStoreType implements StoreType {
  static final String BATCH_SIZE = "batch_size";
  static final String PARALLEL_WRITERS = "parallel_writers";
  static final String WRITE_STRATEGY = "write_strategy";
  static final String PRIMARY_KEY = "primary_key";
  static final String SCHEMA_OVERRIDES = "schema_overrides";
  static final String SCHEMA_EVOLUTION = "schema_evolution";
  private static final String IF_EXISTS = "if_exists";
  private static final String TABLE = "table";

  private static final List<Setting> SETTINGS =
      SqlServerSettings.with(
          Stream.concat(
                  // Table, if_exists and schema_evolution as for every database; SQL Server
                  // declares its own write_strategy and primary_key below.
                  JdbcStoreSettings.TABLE_SETTINGS.stream()
                      .filter(
                          s ->
                              s.name().equals(TABLE)
                                  || s.name().equals(IF_EXISTS)
                                  || s.name().equals(SCHEMA_EVOLUTION)),
                  Stream.of(
                      Setting.choice(
                          WRITE_STRATEGY,
                          List.of("direct_insert", "temp_swap", "merge"),
                          "direct_insert",
                          "How rows reach an existing table: insert from staging (after a"
                              + " truncate when replacing), build a new table and swap it in, or"
                              + " merge by primary_key."),
                      Setting.optional(
                          PRIMARY_KEY,
                          SettingType.LIST,
                          "The key columns merge matches rows on (write_strategy: merge only)."),
                      Setting.optional(
                          SCHEMA_OVERRIDES,
                          SettingType.MAP,
                          "T-SQL types for some columns of tables the store creates, e.g."
                              + " {code: NCHAR(3), amount: DECIMAL(18,4)}."),
                      Setting.optional(
                          BATCH_SIZE,
                          SettingType.INTEGER,
                          String.valueOf(SqlServerStoreOptions.DEFAULT_BATCH_SIZE),
                          "Rows per bulk-copy batch (102400 fills a compressed columnstore row"
                              + " group)."),
                      Setting.optional(
                          PARALLEL_WRITERS,
                          SettingType.INTEGER,
                          String.valueOf(SqlServerStoreOptions.DEFAULT_PARALLEL_WRITERS),
                          "Bulk loads running at once, each on its own connection.")))
              .toList());

  @Override
  public String name() {
    return "sqlserver";
  }

  @Override
  public String description() {
    return "A SQL Server or Azure SQL table, bulk-loaded in parallel into a staging table and"
        + " published in one transaction.";
  }

  @Override
  public List<Setting> settings() {
    return SETTINGS;
  }

  @Override
  public Store create(Settings settings) {
    SqlServerDatabase database = SqlServerSettings.database(settings);
    SchemaOverrides overrides;
    try {
      overrides = new SchemaOverrides(settings.map(SCHEMA_OVERRIDES));
    } catch (IllegalArgumentException e) {
      throw settings.error(SCHEMA_OVERRIDES, e.getMessage());
    }
    String table = settings.string(TABLE);
    if (table.isBlank()) {
      throw settings.error(TABLE, "must not be empty");
    }
    Optional<IfExists> ifExists =
        settings.has(IF_EXISTS)
            ? Optional.of(settings.choice(IF_EXISTS, IfExists.class))
            : Optional.empty();
    WriteStrategy strategy =
        WriteStrategy.valueOf(settings.string(WRITE_STRATEGY).toUpperCase(Locale.ROOT));
    try {
      return new SqlServerStore(
          database,
          new SqlServerStoreOptions(
              table,
              ifExists,
              strategy,
              settings.list(PRIMARY_KEY),
              overrides,
              settings.positiveInteger(BATCH_SIZE),
              settings.positiveInteger(PARALLEL_WRITERS),
              settings.choice(SCHEMA_EVOLUTION, SchemaEvolution.class)));
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      String key =
          message.contains(IF_EXISTS)
              ? IF_EXISTS
              : message.startsWith(PRIMARY_KEY) ? PRIMARY_KEY : WRITE_STRATEGY;
      throw settings.error(key, message);
    }
  }
}
