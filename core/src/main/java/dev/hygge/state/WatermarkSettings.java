package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * An entity's watermark settings: which column, where the first run starts, how far back later runs
 * look.
 *
 * @param column the watermark column ({@code watermark_column})
 * @param initial the first run reads rows at or past this value ({@code watermark_initial}); every
 *     row when empty
 * @param lookback later runs read rows past the last watermark minus this ({@code lookback})
 */
public record WatermarkSettings(
    String column, Optional<String> initial, Optional<Lookback> lookback) {
  public WatermarkSettings {
    requireNonNull(column, "column is null");
    requireNonNull(initial, "initial is null");
    requireNonNull(lookback, "lookback is null");
    if (column.isBlank()) {
      throw new IllegalArgumentException("column must not be blank");
    }
  }
}
