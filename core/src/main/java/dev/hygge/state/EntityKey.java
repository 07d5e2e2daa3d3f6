package dev.hygge.state;

import static java.util.Objects.requireNonNull;

/**
 * Names the entity a piece of state belongs to.
 *
 * @param flow the flow's name
 * @param entity the entity's name
 */
public record EntityKey(String flow, String entity) {
  public EntityKey {
    requireNonNull(flow, "flow is null");
    requireNonNull(entity, "entity is null");
    if (flow.isBlank() || entity.isBlank()) {
      throw new IllegalArgumentException("flow and entity must not be blank");
    }
  }

  /** {@code flow.entity}, as {@code --entity} takes it. */
  public String qualifiedName() {
    return flow + "." + entity;
  }

  @Override
  public String toString() {
    return qualifiedName();
  }
}
