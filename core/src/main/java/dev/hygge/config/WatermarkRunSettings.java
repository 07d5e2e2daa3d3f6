package dev.hygge.config;

import dev.hygge.flow.Home;
import dev.hygge.state.Lookback;
import dev.hygge.state.SupportsWatermark;
import dev.hygge.state.WatermarkSettings;
import java.util.List;
import java.util.Optional;

/**
 * Reads and checks an entity's {@code watermark_column}, {@code watermark_initial} and {@code
 * lookback}.
 */
final class WatermarkRunSettings {
  private WatermarkRunSettings() {}

  /**
   * The entity's watermark settings, or empty when it has no {@code watermark_column}.
   *
   * @throws dev.hygge.HyggeException of kind CONFIG when the settings do not fit together or the
   *     home cannot filter by a watermark
   */
  static Optional<WatermarkSettings> read(
      Settings settings, RunType runType, Home home, String homeType, List<String> columns) {
    Optional<String> column =
        settings.optionalString(RunSettings.WATERMARK_COLUMN).map(String::trim);
    if (column.isEmpty()) {
      for (String dependent : List.of(RunSettings.WATERMARK_INITIAL, RunSettings.LOOKBACK)) {
        if (settings.has(dependent)) {
          throw settings.error(dependent, "it needs watermark_column, which is not set");
        }
      }
      return Optional.empty();
    }
    String name = column.get();
    if (name.isEmpty()) {
      throw settings.error(RunSettings.WATERMARK_COLUMN, "must name a column");
    }
    if (!(home instanceof SupportsWatermark)) {
      throw settings.error(
          RunSettings.WATERMARK_COLUMN,
          "a "
              + homeType
              + " home cannot filter rows by a watermark; database homes can. File homes load"
              + " only new or changed files when run_type is incremental, without a"
              + " watermark_column");
    }
    if (runType != RunType.INCREMENTAL) {
      throw settings.error(
          RunSettings.WATERMARK_COLUMN,
          "the entity's run_type is "
              + runType.word()
              + ", which reloads everything; set run_type: incremental to load only new rows"
              + " (hygge go --full-refresh still reloads on demand)");
    }
    if (!columns.isEmpty() && !columns.contains(name)) {
      throw settings.error(
          RunSettings.WATERMARK_COLUMN,
          "'" + name + "' is not among the entity's columns (" + String.join(", ", columns) + ")");
    }
    Optional<Lookback> lookback = Optional.empty();
    if (settings.has(RunSettings.LOOKBACK)) {
      try {
        lookback = Optional.of(Lookback.parse(settings.string(RunSettings.LOOKBACK)));
      } catch (IllegalArgumentException e) {
        throw settings.error(
            RunSettings.LOOKBACK,
            e.getMessage() + ", or a whole number for an integer watermark column");
      }
    }
    return Optional.of(
        new WatermarkSettings(
            name, settings.optionalString(RunSettings.WATERMARK_INITIAL), lookback));
  }
}
