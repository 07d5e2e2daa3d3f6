package dev.hygge.jdbc.postgres;

import dev.hygge.config.Setting;
import dev.hygge.config.SettingType;
import dev.hygge.config.Settings;
import dev.hygge.flow.Home;
import dev.hygge.flow.HomeType;
import dev.hygge.jdbc.JdbcHome;
import dev.hygge.jdbc.JdbcHomeSettings;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code postgres} home: a table or a query of a PostgreSQL database, read with binary {@code
 * COPY}, optionally in parallel key ranges.
 */
public final class PostgresHomeType implements HomeType {
  static final String PARTITION_COLUMN = "partition_column";
  static final String PARTITIONS = "partitions";
  static final String READ_METHOD = "read_method";

  private static final List<Setting> SETTINGS =
      PostgresSettings.with(
          Stream.concat(
                  JdbcHomeSettings.SOURCE_SETTINGS.stream(),
                  Stream.of(
                      Setting.optional(
                          PARTITION_COLUMN,
                          SettingType.STRING,
                          "An integer column (ideally indexed) whose MIN..MAX range is split for"
                              + " parallel reads; rows with a NULL key go to the first range."),
                      Setting.optional(
                          PARTITIONS,
                          SettingType.INTEGER,
                          "1",
                          "How many key ranges are read at once, each over its own connection."),
                      Setting.choice(
                          READ_METHOD,
                          List.of("copy", "cursor"),
                          "copy",
                          "copy: binary COPY (SELECT ...) TO STDOUT decoded straight into Arrow;"
                              + " cursor: a server-side cursor through JDBC. Reads past a"
                              + " watermark always use the cursor (COPY takes no parameters).")))
              .toList());

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public String description() {
    return "Reads a table or a query of a PostgreSQL database with binary COPY, optionally in"
        + " parallel key ranges.";
  }

  @Override
  public List<Setting> settings() {
    return SETTINGS;
  }

  @Override
  public Home create(Settings settings) {
    // The table/query rules (exactly one, {entity} default) are the generic database home's.
    JdbcHome generic = JdbcHomeSettings.home(PostgresSettings.server(settings), settings);
    int partitions = settings.positiveInteger(PARTITIONS);
    Optional<String> column = settings.optionalString(PARTITION_COLUMN);
    if (partitions > 1 && column.isEmpty()) {
      throw settings.error(PARTITIONS, "more than 1 partition needs a partition_column");
    }
    return new PostgresHome(
        PostgresSettings.server(settings),
        generic.table(),
        generic.query(),
        column,
        partitions,
        settings.choice(READ_METHOD, ReadMethod.class));
  }
}
