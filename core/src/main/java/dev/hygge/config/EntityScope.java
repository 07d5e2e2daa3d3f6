package dev.hygge.config;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One entity being loaded, with its flow: names, bodies as written, property-key prefixes and
 * origins.
 *
 * @param flow the flow's name
 * @param flowBody the flow's keys
 * @param flowOrigin where the flow is declared
 * @param declaresEntities whether the flow lists entities or has entity files
 * @param entity the entity's name
 * @param entityBody the entity's keys; empty for the one implicit entity of a flow without entities
 * @param entityOrigin where the entity is declared
 */
record EntityScope(
    String flow,
    YamlNode.Mapping flowBody,
    Origin flowOrigin,
    boolean declaresEntities,
    String entity,
    Optional<YamlNode.Mapping> entityBody,
    Origin entityOrigin) {
  EntityScope {
    requireNonNull(flow, "flow is null");
    requireNonNull(flowBody, "flowBody is null");
    requireNonNull(flowOrigin, "flowOrigin is null");
    requireNonNull(entity, "entity is null");
    requireNonNull(entityBody, "entityBody is null");
    requireNonNull(entityOrigin, "entityOrigin is null");
  }

  String flowPrefix() {
    return StructureKeys.FLOWS + "." + flow;
  }

  String entityPrefix() {
    return flowPrefix() + "." + StructureKeys.ENTITIES + "." + entity;
  }

  String qualifiedName() {
    return flow + "." + entity;
  }
}
