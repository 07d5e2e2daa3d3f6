package dev.hygge.config;

import static dev.hygge.config.StructureKeys.ENTITIES;
import static dev.hygge.config.StructureKeys.FLOWS;
import static dev.hygge.config.StructureKeys.NAME;

import dev.hygge.HyggeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Puts every file of a project into one tree with the shape of the single-file form: {@code
 * flows.<flow>} holds each flow (from {@code hygge.yml} or {@code flows/<flow>/flow.yml}) and
 * {@code flows.<flow>.entities.<entity>} each entity (from the flow's list or its entity files).
 * Property keys such as {@code flows.sales.store.compression} follow this shape.
 */
final class CanonicalTree {
  private static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*");

  private CanonicalTree() {}

  /**
   * Builds the canonical root from {@code hygge.yml} and the flow directories.
   *
   * @throws HyggeException of kind CONFIG for a flow or entity defined twice (naming both places),
   *     invalid names and malformed {@code flows:} or {@code entities:}
   */
  static YamlNode.Mapping build(
      YamlNode.Mapping projectFile, List<ProjectFiles.FlowDirectory> flowDirectories) {
    Map<String, YamlNode.Entry> flows = new LinkedHashMap<>();
    YamlNode.Mapping declared =
        StructureKeys.mapping(projectFile, FLOWS, "hygge.yml")
            .orElse(YamlNode.Mapping.empty(projectFile.origin()));
    for (Map.Entry<String, YamlNode.Entry> e : declared.entries().entrySet()) {
      YamlNode value = e.getValue().value();
      if (!(value instanceof YamlNode.Mapping body)) {
        throw HyggeException.config(
            "Flow '"
                + e.getKey()
                + "' at "
                + e.getValue().keyOrigin()
                + " must be a map with home: and store:, but it is "
                + value.kind()
                + ".");
      }
      addFlow(flows, e.getKey(), e.getValue().keyOrigin(), body, List.of());
    }
    for (ProjectFiles.FlowDirectory dir : flowDirectories) {
      addFlow(flows, dir.dirName(), dir.flowFile().origin(), dir.flowFile(), dir.entities());
    }
    YamlNode.Mapping root = projectFile.without(FLOWS);
    Origin flowsOrigin = declared.origin();
    return root.with(
        FLOWS, new YamlNode.Entry(flowsOrigin, new YamlNode.Mapping(flows, flowsOrigin)));
  }

  /**
   * Merges profile overrides over a canonical tree. Overrides address flows and entities by name
   * ({@code flows.<flow>.entities.<entity>}); a flow that only a profile defines gets no entities
   * unless the profile names them that way.
   *
   * @throws HyggeException of kind CONFIG when the overrides do not have the canonical shape
   */
  static YamlNode.Mapping overlay(YamlNode.Mapping tree, YamlNode.Mapping overrides) {
    if (overrides.entries().isEmpty()) {
      return tree;
    }
    YamlNode.Mapping merged = ProfileMerge.merge(tree, overrides);
    YamlNode.Mapping flows =
        StructureKeys.mapping(merged, FLOWS, "hygge.yml")
            .orElse(YamlNode.Mapping.empty(merged.origin()));
    Map<String, YamlNode.Entry> normalized = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode.Entry> e : flows.entries().entrySet()) {
      YamlNode value = e.getValue().value();
      if (!(value instanceof YamlNode.Mapping body)) {
        throw HyggeException.config(
            "Flow '"
                + e.getKey()
                + "' at "
                + value.origin()
                + " must be a map, but it is "
                + value.kind()
                + ".");
      }
      YamlNode entities = body.value(ENTITIES).orElse(YamlNode.Mapping.empty(body.origin()));
      if (!(entities instanceof YamlNode.Mapping byName)) {
        throw HyggeException.config(
            "'entities' of flow "
                + e.getKey()
                + " at "
                + entities.origin()
                + " cannot be a list in a profile block: address entities by name, e.g."
                + " flows: {"
                + e.getKey()
                + ": {entities: {orders: {store: {path: x}}}}}.");
      }
      Map<String, YamlNode.Entry> entityBodies = new LinkedHashMap<>();
      byName
          .entries()
          .forEach(
              (name, entry) ->
                  entityBodies.put(
                      name,
                      new YamlNode.Entry(
                          entry.keyOrigin(),
                          entry.value() instanceof YamlNode.Mapping m
                              ? m
                              : entityBody(e.getKey(), entry.value(), name))));
      normalized.put(
          e.getKey(),
          new YamlNode.Entry(
              e.getValue().keyOrigin(),
              body.with(
                  ENTITIES,
                  new YamlNode.Entry(
                      entities.origin(), new YamlNode.Mapping(entityBodies, entities.origin())))));
    }
    return merged.with(
        FLOWS,
        new YamlNode.Entry(flows.origin(), new YamlNode.Mapping(normalized, flows.origin())));
  }

  private static void addFlow(
      Map<String, YamlNode.Entry> flows,
      String defaultName,
      Origin origin,
      YamlNode.Mapping body,
      List<ProjectFiles.EntityFile> entityFiles) {
    String block = "flow at " + origin;
    String name = StructureKeys.literal(body, NAME, block).orElse(defaultName);
    checkName(name, "flow", body.entry(NAME).map(YamlNode.Entry::keyOrigin).orElse(origin));
    YamlNode.Entry previous = flows.get(name);
    if (previous != null) {
      throw HyggeException.config(
          "Flow '"
              + name
              + "' is defined twice: at "
              + previous.keyOrigin()
              + " and at "
              + origin
              + ". Rename or remove one of them.");
    }
    YamlNode.Mapping entities = entities(name, body, entityFiles);
    Origin entitiesOrigin = entities.origin();
    flows.put(
        name,
        new YamlNode.Entry(
            origin, body.with(ENTITIES, new YamlNode.Entry(entitiesOrigin, entities))));
  }

  private static YamlNode.Mapping entities(
      String flow, YamlNode.Mapping body, List<ProjectFiles.EntityFile> files) {
    Map<String, YamlNode.Entry> entities = new LinkedHashMap<>();
    YamlNode listed = body.value(ENTITIES).orElse(null);
    Origin origin = listed == null ? body.origin() : listed.origin();
    if (listed instanceof YamlNode.Sequence sequence) {
      for (YamlNode item : sequence.items()) {
        addListed(entities, flow, item);
      }
    } else if (listed instanceof YamlNode.Mapping byName) {
      for (Map.Entry<String, YamlNode.Entry> e : byName.entries().entrySet()) {
        YamlNode value = e.getValue().value();
        YamlNode.Mapping entityBody =
            value instanceof YamlNode.Mapping m ? m : entityBody(flow, value, e.getKey());
        add(entities, flow, e.getKey(), e.getValue().keyOrigin(), entityBody);
      }
    } else if (listed != null) {
      throw HyggeException.config(
          "'entities' of flow "
              + flow
              + " at "
              + listed.origin()
              + " must be a list of entity names or maps with name:, but it is "
              + listed.kind()
              + ".");
    }
    for (ProjectFiles.EntityFile file : files) {
      String name =
          StructureKeys.literal(file.body(), NAME, "entity file " + file.body().origin().source())
              .orElse(file.baseName());
      add(entities, flow, name, file.body().origin(), file.body());
    }
    return new YamlNode.Mapping(entities, origin);
  }

  private static YamlNode.Mapping entityBody(String flow, YamlNode value, String name) {
    if (value instanceof YamlNode.Scalar s && s.isNull()) {
      return YamlNode.Mapping.empty(value.origin());
    }
    throw HyggeException.config(
        "Entity '"
            + name
            + "' of flow "
            + flow
            + " at "
            + value.origin()
            + " must be a map of its settings, but it is "
            + value.kind()
            + ".");
  }

  private static void addListed(Map<String, YamlNode.Entry> entities, String flow, YamlNode item) {
    if (item instanceof YamlNode.Scalar s && !s.isNull()) {
      add(entities, flow, s.text(), s.origin(), YamlNode.Mapping.empty(s.origin()));
    } else if (item instanceof YamlNode.Mapping m) {
      String name =
          StructureKeys.literal(m, NAME, "entity at " + m.origin())
              .orElseThrow(
                  () ->
                      HyggeException.config(
                          "Entity at "
                              + m.origin()
                              + " in flow "
                              + flow
                              + " has no name: give it 'name: <entity>'."));
      add(entities, flow, name, m.origin(), m);
    } else {
      throw HyggeException.config(
          "Entity at "
              + item.origin()
              + " in flow "
              + flow
              + " must be a name or a map with name:, but it is "
              + item.kind()
              + ".");
    }
  }

  private static void add(
      Map<String, YamlNode.Entry> entities,
      String flow,
      String name,
      Origin origin,
      YamlNode.Mapping body) {
    checkName(name, "entity", origin);
    YamlNode.Entry previous = entities.get(name);
    if (previous != null) {
      throw HyggeException.config(
          "Entity '"
              + name
              + "' of flow "
              + flow
              + " is defined twice: at "
              + previous.keyOrigin()
              + " and at "
              + origin
              + ". Keep one of them.");
    }
    entities.put(name, new YamlNode.Entry(origin, body));
  }

  private static void checkName(String name, String what, Origin origin) {
    if (!NAME_PATTERN.matcher(name).matches()) {
      throw HyggeException.config(
          "Invalid "
              + what
              + " name '"
              + name
              + "' at "
              + origin
              + ": use letters, digits, '_' and '-' only (a '.' separates flow and entity in"
              + " flow.entity).");
    }
  }
}
