package dev.hygge.jdbc.sqlserver;

import dev.hygge.config.Setting;
import dev.hygge.config.SettingType;
import dev.hygge.config.Settings;
import dev.hygge.flow.Home;
import dev.hygge.flow.HomeType;
import dev.hygge.jdbc.JdbcHomeSettings;
import dev.hygge.jdbc.JdbcStore;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The {@code sqlserver} home: a table or query of SQL Server, read in parallel key ranges. */
public final class SqlServerHomeType implements HomeType {
  static final String PARTITION_COLUMN = "partition_column";
  static final String PARTITIONS = "partitions";
  private static final String TABLE = "table";
  private static final String QUERY = "query";

  private static final List<Setting> SETTINGS =
      SqlServerSettings.with(
          Stream.concat(
                  JdbcHomeSettings.SOURCE_SETTINGS.stream(),
                  Stream.of(
                      Setting.optional(
                          PARTITION_COLUMN,
                          SettingType.STRING,
                          "An integer column (ideally the clustered key) whose range is split"
                              + " for parallel reads."),
                      Setting.optional(
                          PARTITIONS,
                          SettingType.INTEGER,
                          "1",
                          "How many key ranges are read at once, each over its own connection.")))
              .toList());

  @Override
  public String name() {
    return "sqlserver";
  }

  @Override
  public String description() {
    return "Reads a table or a query of SQL Server or Azure SQL, optionally in parallel key"
        + " ranges.";
  }

  @Override
  public List<Setting> settings() {
    return SETTINGS;
  }

  @Override
  public Home create(Settings settings) {
    SqlServerDatabase database = SqlServerSettings.database(settings);
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
    int partitions = settings.positiveInteger(PARTITIONS);
    Optional<String> column = settings.optionalString(PARTITION_COLUMN);
    if (partitions > 1 && column.isEmpty()) {
      throw settings.error(PARTITIONS, "more than 1 partition needs a partition_column");
    }
    return new SqlServerHome(database, table, query, column, partitions);
  }
}
