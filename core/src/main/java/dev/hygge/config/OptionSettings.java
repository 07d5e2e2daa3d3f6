package dev.hygge.config;

import java.time.Duration;
import java.util.List;

/** The settings of {@code options:} in {@code hygge.yml}, read into {@link ProjectOptions}. */
public final class OptionSettings {
  public static final String CONCURRENCY = "concurrency";
  public static final String CONTINUE_ON_ERROR = "continue_on_error";
  public static final String LOG_LEVEL = "log_level";
  public static final String SECRET_TIMEOUT = "secret_timeout";

  /** Every project option. */
  public static final List<Setting> ALL =
      List.of(
          Setting.optional(
              CONCURRENCY,
              SettingType.INTEGER,
              String.valueOf(ProjectOptions.defaultConcurrency()),
              "How many entities run at once (default: one per CPU core, at least 2)."),
          Setting.optional(
              CONTINUE_ON_ERROR,
              SettingType.BOOLEAN,
              "true",
              "Whether other entities keep running when one fails."),
          Setting.choice(
              LOG_LEVEL, List.of("error", "warn", "info", "debug"), "info", "How much hygge logs."),
          Setting.optional(
              SECRET_TIMEOUT,
              SettingType.INTEGER,
              String.valueOf(ProjectOptions.DEFAULT_SECRET_TIMEOUT.toSeconds()),
              "Seconds to wait for the project's secrets from secret managers (all are fetched"
                  + " at once)."));

  private OptionSettings() {}

  /** Reads validated options. */
  static ProjectOptions read(Settings settings) {
    return new ProjectOptions(
        settings.positiveInteger(CONCURRENCY),
        settings.bool(CONTINUE_ON_ERROR),
        settings.string(LOG_LEVEL),
        Duration.ofSeconds(settings.positiveInteger(SECRET_TIMEOUT)));
  }
}
