package dev.hygge.config;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code --var flow.<name>.<field.path>=value} overrides: each names a key of a flow as the
 * single-file form would write it, e.g. {@code flow.sales.store.compression} or {@code
 * flow.sales.entities.orders.store.path}.
 */
final class CommandLineVars {
  static final String PREFIX = "flow.";

  /**
   * The tree with the overridden keys added, and the overrides as properties keyed like the tree.
   */
  record Applied(YamlNode.Mapping root, Map<String, String> properties) {}

  private CommandLineVars() {}

  /**
   * @throws HyggeException of kind CONFIG for a malformed var, an unknown flow or entity, or a path
   *     through a key that is not a map
   */
  static Applied apply(YamlNode.Mapping root, Map<String, String> vars) {
    YamlNode.Mapping flows = (YamlNode.Mapping) root.value(StructureKeys.FLOWS).orElseThrow();
    Map<String, String> properties = new LinkedHashMap<>();
    for (Map.Entry<String, String> var : vars.entrySet()) {
      String name = var.getKey();
      List<String> path =
          name.startsWith(PREFIX)
              ? Arrays.asList(name.substring(PREFIX.length()).split("\\."))
              : List.of();
      if (path.size() < 2 || path.stream().anyMatch(String::isEmpty)) {
        throw HyggeException.config(
            "Invalid --var '"
                + name
                + "': write --var flow.<flow>.<key>=value, e.g. flow.sales.store.path=data/out.");
      }
      String flow = path.get(0);
      YamlNode.Mapping body = flowBody(flows, flow, name);
      if (path.get(1).equals(StructureKeys.ENTITIES)) {
        checkEntity(body, path, name);
      }
      Origin origin = new Origin("--var " + name, 0);
      YamlNode.Mapping updated;
      try {
        updated =
            body.withPath(
                path.subList(1, path.size()), new YamlNode.Scalar(var.getValue(), origin));
      } catch (IllegalArgumentException e) {
        throw new HyggeException(
            ErrorKind.CONFIG,
            "Cannot apply --var " + name + ": " + e.getMessage() + ", not a map.",
            e);
      }
      Origin flowOrigin = flows.entry(flow).orElseThrow().keyOrigin();
      flows = flows.with(flow, new YamlNode.Entry(flowOrigin, updated));
      properties.put(StructureKeys.FLOWS + "." + String.join(".", path), var.getValue());
    }
    Origin flowsOrigin = root.entry(StructureKeys.FLOWS).orElseThrow().keyOrigin();
    return new Applied(
        root.with(StructureKeys.FLOWS, new YamlNode.Entry(flowsOrigin, flows)), properties);
  }

  private static YamlNode.Mapping flowBody(YamlNode.Mapping flows, String flow, String var) {
    return flows
        .value(flow)
        .map(YamlNode.Mapping.class::cast)
        .orElseThrow(
            () ->
                HyggeException.config(
                    "Unknown flow '"
                        + flow
                        + "' in --var "
                        + var
                        + "."
                        + Suggestions.hint(flow, flows.entries().keySet())
                        + " Flows: "
                        + String.join(", ", flows.entries().keySet())
                        + "."));
  }

  private static void checkEntity(YamlNode.Mapping body, List<String> path, String var) {
    YamlNode.Mapping entities = (YamlNode.Mapping) body.value(StructureKeys.ENTITIES).orElseThrow();
    if (path.size() < 4 || !entities.entries().containsKey(path.get(2))) {
      String entity = path.size() > 2 ? path.get(2) : "";
      throw HyggeException.config(
          "Unknown entity '"
              + entity
              + "' of flow "
              + path.get(0)
              + " in --var "
              + var
              + " (write flow.<flow>.entities.<entity>.<key>=value)."
              + Suggestions.hint(entity, entities.entries().keySet())
              + " Entities: "
              + String.join(", ", entities.entries().keySet())
              + ".");
    }
  }
}
