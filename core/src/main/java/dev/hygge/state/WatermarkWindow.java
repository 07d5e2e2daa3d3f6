package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.Origin;
import dev.hygge.flow.ReadRequest;
import java.util.Optional;

/**
 * The watermark rules of one entity: which rows a run reads (past the stored watermark minus the
 * lookback, or from {@code watermark_initial}), and where the watermark goes after the commit.
 */
final class WatermarkWindow {
  private final EntityKey key;
  private final WatermarkSettings settings;
  private final Origin origin;
  private final String stateLocation;

  /**
   * @param origin where the entity is declared, for config errors
   * @param stateLocation where the entity's state is kept, for state errors
   */
  WatermarkWindow(EntityKey key, WatermarkSettings settings, Origin origin, String stateLocation) {
    this.key = requireNonNull(key, "key is null");
    this.settings = requireNonNull(settings, "settings is null");
    this.origin = requireNonNull(origin, "origin is null");
    this.stateLocation = requireNonNull(stateLocation, "stateLocation is null");
  }

  /** The watermark column. */
  String column() {
    return settings.column();
  }

  /**
   * Refuses a stored watermark of another column than the one configured now.
   *
   * @throws HyggeException of kind STATE saying how to start over
   */
  void check(Optional<StoredWatermark> stored) {
    if (stored.isPresent() && !stored.get().column().equals(settings.column())) {
      throw new HyggeException(
          ErrorKind.STATE,
          "The state of entity "
              + key
              + " in "
              + stateLocation
              + " holds a watermark of column '"
              + stored.get().column()
              + "', but watermark_column is now '"
              + settings.column()
              + "'. Run 'hygge reset --entity "
              + key
              + "' to start again from watermark_initial, or set watermark_column back.");
    }
  }

  /**
   * The rows an incremental run reads: past the stored watermark (minus the lookback), else from
   * {@code watermark_initial}, else every row.
   *
   * @throws HyggeException of kind CONFIG when the lookback or initial value does not fit the
   *     column's kind
   */
  Optional<WatermarkFilter> filter(
      Optional<StoredWatermark> stored, SupportsWatermark home, ReadRequest request) {
    if (stored.isPresent()) {
      Watermark bound = stored.get().value();
      requireKind(bound, home.watermarkType(request, settings.column()));
      if (settings.lookback().isPresent()) {
        try {
          bound = bound.minus(settings.lookback().get());
        } catch (IllegalArgumentException e) {
          throw HyggeException.config(
              "Invalid 'lookback' of entity "
                  + key
                  + " at "
                  + origin
                  + ": "
                  + e.getMessage()
                  + ".");
        }
      }
      return Optional.of(
          new WatermarkFilter(settings.column(), bound, WatermarkFilter.Comparison.AFTER));
    }
    if (settings.initial().isEmpty()) {
      return Optional.empty();
    }
    WatermarkType type = home.watermarkType(request, settings.column());
    try {
      return Optional.of(
          new WatermarkFilter(
              settings.column(),
              Watermark.parse(type, settings.initial().get()),
              WatermarkFilter.Comparison.AT_OR_AFTER));
    } catch (IllegalArgumentException e) {
      throw HyggeException.config(
          "Invalid 'watermark_initial' of entity "
              + key
              + " at "
              + origin
              + ": column '"
              + settings.column()
              + "' is a "
              + type.word()
              + " column, and "
              + e.getMessage()
              + ".");
    }
  }

  /**
   * Refuses a stored watermark of another kind than the column's now, e.g. one kept for a {@code
   * timestamp} column that became {@code timestamptz}: comparing the two would shift by the
   * session's time zone.
   */
  private void requireKind(Watermark stored, WatermarkType column) {
    if (stored.type() != column) {
      throw new HyggeException(
          ErrorKind.STATE,
          "The stored watermark of entity "
              + key
              + " in "
              + stateLocation
              + " is a "
              + stored.type().word()
              + " ("
              + stored.text()
              + "), but column '"
              + settings.column()
              + "' is now a "
              + column.word()
              + " column. Run 'hygge reset --entity "
              + key
              + "' to start again from watermark_initial (with a merge store the reload leaves no"
              + " duplicates), then run the entity again.");
    }
  }

  /**
   * The watermark after a committed run: an incremental run keeps the higher of the stored value
   * and the highest value it wrote (a lookback may re-read only older rows); a full reload restarts
   * from what it wrote.
   *
   * @throws HyggeException of kind STATE when the stored value and the column's values are of
   *     different kinds
   */
  Optional<StoredWatermark> next(
      Optional<StoredWatermark> stored, Optional<Watermark> highest, boolean incremental) {
    Optional<StoredWatermark> seen = highest.map(v -> new StoredWatermark(settings.column(), v));
    if (!incremental || stored.isEmpty() || seen.isEmpty()) {
      return !incremental || seen.isPresent() ? seen : stored;
    }
    try {
      return seen.get().value().compareWith(stored.get().value()) > 0 ? seen : stored;
    } catch (IllegalArgumentException e) {
      throw new HyggeException(
          ErrorKind.STATE,
          "The stored watermark of entity "
              + key
              + " in "
              + stateLocation
              + " is a "
              + stored.get().value().type().word()
              + ", but column '"
              + settings.column()
              + "' now holds "
              + seen.get().value().type().word()
              + " values. Run 'hygge reset --entity "
              + key
              + "' to start again from watermark_initial.");
    }
  }
}
