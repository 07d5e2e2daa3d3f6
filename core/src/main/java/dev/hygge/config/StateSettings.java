package dev.hygge.config;

import dev.hygge.state.DurationText;
import dev.hygge.state.StateConfig;
import dev.hygge.state.StateLocation;
import dev.hygge.storage.StorageSettings;
import dev.hygge.storage.StorageTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** The settings of {@code state:} in {@code hygge.yml}, read into {@link StateConfig}. */
public final class StateSettings {
  public static final String TYPE = "type";
  public static final String PATH = "path";
  public static final String LEASE_TIMEOUT = "lease_timeout";
  public static final String HISTORY_DIR = "history_dir";
  public static final String HISTORY_LIMIT = "history_limit";

  /** State in a directory on the local filesystem. */
  public static final String LOCAL = "local";

  /** State on object storage (S3, GCS, Azure Blob) with conditional writes. */
  public static final String OBJECT = "object";

  /** State in a table of a database (DuckDB, SQLite, PostgreSQL). */
  public static final String DATABASE = "database";

  /** Every state setting. */
  public static final List<Setting> ALL =
      Stream.concat(
              Stream.of(
                  Setting.choice(
                      TYPE,
                      List.of(LOCAL, OBJECT, DATABASE),
                      LOCAL,
                      "Where state lives: local keeps one JSON file per entity in a directory;"
                          + " object keeps one JSON object per entity on S3, GCS or Azure Blob,"
                          + " written with conditional writes; database keeps one row per entity in"
                          + " a table."),
                  Setting.optional(
                      PATH,
                      SettingType.LOCATION,
                      StateConfig.DEFAULT_DIRECTORY,
                      "The state directory (local, relative to the project directory) or the"
                          + " object-storage prefix (object), e.g. s3://bucket/hygge-state."),
                  Setting.optional(
                      LEASE_TIMEOUT,
                      SettingType.STRING,
                      StateConfig.DEFAULT_LEASE_TIMEOUT,
                      "How long a run holds its entity without renewing; a crashed run blocks its"
                          + " entity at most this long (e.g. 30s, 10m, 1h)."),
                  Setting.optional(
                      HISTORY_DIR,
                      SettingType.PATH,
                      StateConfig.DEFAULT_DIRECTORY,
                      "object and database: keep the run history (runs.jsonl) in this local"
                          + " directory instead of with the state (under the object prefix, or in"
                          + " a table beside the state table)."),
                  Setting.optional(
                      HISTORY_LIMIT,
                      SettingType.INTEGER,
                      Integer.toString(StateConfig.DEFAULT_HISTORY_LIMIT),
                      "How many entity runs the run history keeps, across the project; older ones"
                          + " are dropped.")),
              Stream.concat(StorageSettings.ALL.stream(), DatabaseStateSettings.ALL.stream()))
          .toList();

  private StateSettings() {}

  /** Reads validated state settings. */
  static StateConfig read(Settings settings) {
    Duration lease;
    try {
      lease = DurationText.parse(settings.string(LEASE_TIMEOUT));
    } catch (IllegalArgumentException e) {
      throw settings.error(LEASE_TIMEOUT, e.getMessage());
    }
    if (lease.isZero()) {
      throw settings.error(LEASE_TIMEOUT, "must be longer than 0");
    }
    int historyLimit = settings.positiveInteger(HISTORY_LIMIT);
    String type = settings.string(TYPE);
    if (!type.equals(DATABASE)) {
      refuse(settings, DatabaseStateSettings.ALL, type);
    }
    StateConfig.HistoryPlace history =
        settings.has(HISTORY_DIR)
            ? StateConfig.HistoryPlace.DIRECTORY
            : StateConfig.HistoryPlace.WITH_STATE;
    if (type.equals(DATABASE)) {
      refuse(settings, StorageSettings.ALL, type);
      if (settings.has(PATH)) {
        throw settings.error(PATH, "type: database keeps state in its table; remove path.");
      }
      return new StateConfig(
          settings.path(HISTORY_DIR),
          lease,
          DatabaseStateSettings.read(settings),
          historyLimit,
          history);
    }
    if (type.equals(OBJECT)) {
      StorageTarget target = StorageSettings.target(settings, PATH);
      return new StateConfig(
          settings.path(HISTORY_DIR),
          lease,
          new StateLocation.Objects(target),
          historyLimit,
          history);
    }
    refuse(settings, StorageSettings.ALL, type);
    if (!settings.location(PATH).isLocal()) {
      throw settings.error(
          PATH,
          "type: local keeps state in a local directory; for "
              + settings.string(PATH)
              + " set type: object.");
    }
    if (settings.has(HISTORY_DIR)) {
      throw settings.error(
          HISTORY_DIR, "type: local keeps the run history in path; remove history_dir.");
    }
    Path directory = settings.path(PATH);
    return new StateConfig(directory, lease, new StateLocation.Directory(), historyLimit);
  }

  /** Fails on any of {@code others} given: they belong to another state type. */
  private static void refuse(Settings settings, List<Setting> others, String type) {
    for (Setting other : others) {
      if (settings.has(other.name())) {
        throw settings.error(
            other.name(), "it does not apply to type: " + type + "; remove it or change type.");
      }
    }
  }
}
