package dev.hygge.deploy;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** A parsed CloudFormation/SAM template with lookups by resource type and path. */
record CloudFormationTemplate(Map<String, Object> root) {

  static CloudFormationTemplate read(String relative) {
    return new CloudFormationTemplate(
        CloudFormationYaml.parse(DeployDirectory.read(relative), relative));
  }

  /** The logical ids of the resources of a type, in template order. */
  List<String> resourcesOfType(String type) {
    return resources().entrySet().stream()
        .filter(e -> type.equals(map(e.getValue()).get("Type")))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The one resource of a type; fails when there are none or several. */
  String onlyResourceOfType(String type) {
    List<String> ids = resourcesOfType(type);
    if (ids.size() != 1) {
      throw new NoSuchElementException("Expected one " + type + ", found " + ids);
    }
    return ids.get(0);
  }

  /** A resource's Properties. */
  Map<String, Object> properties(String logicalId) {
    return map(resource(logicalId).get("Properties"));
  }

  Map<String, Object> resource(String logicalId) {
    Object resource = resources().get(logicalId);
    if (resource == null) {
      throw new NoSuchElementException("No resource " + logicalId);
    }
    return map(resource);
  }

  Map<String, Object> resources() {
    return map(root.get("Resources"));
  }

  Map<String, Object> parameters() {
    return map(root.get("Parameters"));
  }

  /** A parameter's definition. */
  Map<String, Object> parameter(String name) {
    Object parameter = parameters().get(name);
    if (parameter == null) {
      throw new NoSuchElementException("No parameter " + name);
    }
    return map(parameter);
  }

  /** The value at a path of map keys below a starting node. */
  static Object at(Object node, String... keys) {
    Object current = node;
    for (String key : keys) {
      current = map(current).get(key);
      if (current == null) {
        throw new NoSuchElementException("No " + key + " in path " + String.join(".", keys));
      }
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    if (!(node instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("Expected a mapping, got " + node);
    }
    return (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node) {
    if (!(node instanceof List<?>)) {
      throw new IllegalArgumentException("Expected a list, got " + node);
    }
    return (List<Object>) node;
  }

  static Map<String, Object> ref(String name) {
    return Map.of("Ref", name);
  }

  static Map<String, Object> arnOf(String logicalId) {
    return Map.of("Fn::GetAtt", logicalId + ".Arn");
  }
}
