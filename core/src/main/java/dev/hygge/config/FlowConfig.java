package dev.hygge.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One flow: a home, a store and the entities moved between them.
 *
 * @param name the flow's name
 * @param origin where the flow is declared ({@code flows/<flow>/flow.yml} or {@code hygge.yml})
 * @param entities the flow's entities in declaration order; a flow without an entity list has one
 *     entity named after the flow
 */
public record FlowConfig(String name, Origin origin, List<EntityConfig> entities) {
  public FlowConfig {
    requireNonNull(name, "name is null");
    requireNonNull(origin, "origin is null");
    entities = List.copyOf(requireNonNull(entities, "entities is null"));
  }
}
