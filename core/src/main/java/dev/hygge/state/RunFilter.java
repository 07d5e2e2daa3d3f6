package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Which runs {@code hygge history} shows.
 *
 * @param flow only this flow's entities, when present
 * @param entity only this entity, written {@code flow.entity}, when present
 */
public record RunFilter(Optional<String> flow, Optional<String> entity) {
  public RunFilter {
    requireNonNull(flow, "flow is null");
    requireNonNull(entity, "entity is null");
  }

  /** Every run. */
  public static RunFilter all() {
    return new RunFilter(Optional.empty(), Optional.empty());
  }

  /** Whether {@code record} is one of the runs asked for. */
  public boolean matches(RunRecord record) {
    return flow.map(record.flow()::equals).orElse(true)
        && entity.map(record.qualifiedName()::equals).orElse(true);
  }
}
