package dev.hygge.config;

import dev.hygge.state.DurationText;
import dev.hygge.state.StateConfig;
import java.time.Duration;
import java.util.List;

/** The settings of {@code state:} in {@code hygge.yml}, read into {@link StateConfig}. */
public final class StateSettings {
  public static final String TYPE = "type";
  public static final String PATH = "path";
  public static final String LEASE_TIMEOUT = "lease_timeout";

  /** The one backend so far: a directory on the local filesystem. */
  public static final String LOCAL = "local";

  /** Every state setting. */
  public static final List<Setting> ALL =
      List.of(
          Setting.choice(
              TYPE,
              List.of(LOCAL),
              LOCAL,
              "Where state lives: local keeps one JSON file per entity in a directory."),
          Setting.optional(
              PATH,
              SettingType.PATH,
              StateConfig.DEFAULT_DIRECTORY,
              "The state directory (local), relative to the project directory."),
          Setting.optional(
              LEASE_TIMEOUT,
              SettingType.STRING,
              StateConfig.DEFAULT_LEASE_TIMEOUT,
              "How long a run holds its entity without renewing; a crashed run blocks its entity"
                  + " at most this long (e.g. 30s, 10m, 1h)."));

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
    return new StateConfig(settings.path(PATH), lease);
  }
}
