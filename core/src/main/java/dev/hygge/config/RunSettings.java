package dev.hygge.config;

import java.util.List;

/**
 * The run settings an entity inherits (entity &gt; flow &gt; project {@code defaults:}): how it is
 * loaded and how batches flow from reader to writer.
 */
public final class RunSettings {
  /** Rows per Arrow batch when nothing else is configured. */
  public static final int DEFAULT_BATCH_SIZE = 65_536;

  /** Batches buffered between reader and writer when nothing else is configured. */
  public static final int DEFAULT_QUEUE_DEPTH = 4;

  public static final String RUN_TYPE = "run_type";
  public static final String BATCH_SIZE = "batch_size";
  public static final String QUEUE_DEPTH = "queue_depth";
  public static final String COLUMNS = "columns";
  public static final String WATERMARK_COLUMN = "watermark_column";
  public static final String WATERMARK_INITIAL = "watermark_initial";
  public static final String LOOKBACK = "lookback";

  /** Every run setting, as accepted in {@code defaults:} blocks and entity files. */
  public static final List<Setting> ALL =
      List.of(
          Setting.choice(
              RUN_TYPE,
              List.of("incremental", "full_drop"),
              "full_drop",
              "incremental adds new data to the store; full_drop replaces what the store has."),
          Setting.optional(
              BATCH_SIZE,
              SettingType.INTEGER,
              String.valueOf(DEFAULT_BATCH_SIZE),
              "Rows per Arrow batch read from the home and written to the store."),
          Setting.optional(
              QUEUE_DEPTH,
              SettingType.INTEGER,
              String.valueOf(DEFAULT_QUEUE_DEPTH),
              "Batches buffered between reader and writer; bounds memory per entity."),
          Setting.optional(
              COLUMNS, SettingType.LIST, "The columns to move; all columns when not given."),
          Setting.optional(
              WATERMARK_COLUMN,
              SettingType.STRING,
              "Database homes, run_type incremental: each run reads only rows whose value in this"
                  + " column (timestamp, date, integer or sortable text) is past the last committed"
                  + " run's highest."),
          Setting.optional(
              WATERMARK_INITIAL,
              SettingType.STRING,
              "Where the first run starts: it reads rows at or past this value; all rows when not"
                  + " given."),
          Setting.optional(
              LOOKBACK,
              SettingType.STRING,
              "Reads again this far behind the last watermark, for late-arriving rows: a duration"
                  + " (2h, 1d) for timestamp and date columns, a number for integer columns."));

  private RunSettings() {}
}
