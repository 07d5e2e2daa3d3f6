package dev.hygge.state;

import dev.hygge.HyggeException;
import dev.hygge.config.EntityConfig;
import dev.hygge.config.RunType;
import java.util.Optional;

/**
 * What an entity's next run would read, worked out from its stored state without taking its lease
 * or touching the home: the basis of {@code hygge go --dry-run}.
 */
public final class StatePreview {
  private StatePreview() {}

  /**
   * One phrase, e.g. {@code reads updated_at > 2024-05-01T08:00}; empty for an entity that keeps no
   * state.
   */
  public static Optional<String> describe(EntityConfig entity, RunType runType, StateStore store) {
    boolean incremental = runType == RunType.INCREMENTAL;
    boolean journaled =
        entity.home() instanceof SupportsObjectSelection
            && (incremental || entity.runType() == RunType.INCREMENTAL);
    if (entity.watermark().isEmpty() && !journaled) {
      return Optional.empty();
    }
    EntityKey key = new EntityKey(entity.flow(), entity.name());
    EntityState state;
    try {
      state = store.read(key).map(VersionedState::state).orElse(EntityState.initial(key));
    } catch (HyggeException e) {
      return Optional.of("cannot read its state: " + e.getMessage());
    }
    if (!incremental) {
      return Optional.of("reloads everything; the watermark and file journal restart");
    }
    if (entity.watermark().isEmpty()) {
      int loaded = state.journal().entries().size();
      return Optional.of("loads only new or changed files (" + loaded + " loaded before)");
    }
    WatermarkSettings settings = entity.watermark().get();
    Optional<StoredWatermark> stored = state.watermark();
    if (stored.isPresent()) {
      Watermark bound = stored.get().value();
      if (settings.lookback().isPresent()) {
        try {
          bound = bound.minus(settings.lookback().get());
        } catch (IllegalArgumentException e) {
          return Optional.of("cannot apply its lookback: " + e.getMessage());
        }
      }
      return Optional.of("reads " + settings.column() + " > " + bound.text());
    }
    return Optional.of(
        settings
            .initial()
            .map(initial -> "reads " + settings.column() + " >= " + initial + " (first run)")
            .orElse("reads every row (first run)"));
  }
}
