package dev.hygge.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a CloudFormation/SAM YAML template into maps, lists and strings, turning the short-form
 * intrinsic functions into their long form: {@code !Ref X} becomes {@code {Ref: X}}, {@code !Sub s}
 * becomes {@code {Fn::Sub: s}}. Scalars stay strings (numbers and booleans too).
 */
final class CloudFormationYaml {
  private static final String LOCAL_TAG = "!";
  private static final List<String> UNPREFIXED = List.of("Ref", "Condition");

  private CloudFormationYaml() {}

  /** The template's root mapping. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String yaml, String label) {
    LoadSettings settings = LoadSettings.builder().setLabel(label).build();
    Node root =
        new Compose(settings)
            .composeString(yaml)
            .orElseThrow(() -> new IllegalArgumentException(label + " is empty"));
    return (Map<String, Object>) value(root);
  }

  private static Object value(Node node) {
    Object plain = plainValue(node);
    String tag = node.getTag().getValue();
    if (!tag.startsWith(LOCAL_TAG)) {
      return plain;
    }
    String name = tag.substring(LOCAL_TAG.length());
    return Map.of(UNPREFIXED.contains(name) ? name : "Fn::" + name, plain);
  }

  private static Object plainValue(Node node) {
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    if (node instanceof SequenceNode sequence) {
      List<Object> items = new ArrayList<>();
      sequence.getValue().forEach(item -> items.add(value(item)));
      return items;
    }
    if (node instanceof MappingNode mapping) {
      Map<String, Object> entries = new LinkedHashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        String key = ((ScalarNode) tuple.getKeyNode()).getValue();
        if (entries.put(key, value(tuple.getValueNode())) != null) {
          throw new IllegalArgumentException(
              "Duplicate key " + key + " at " + tuple.getKeyNode().getStartMark());
        }
      }
      return entries;
    }
    throw new IllegalArgumentException("Unexpected YAML node " + node);
  }
}
