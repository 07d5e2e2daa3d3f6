package dev.hygge.config;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Reads one YAML file into a {@link YamlNode.Mapping} that keeps each value's line. */
final class YamlParser {
  private final Path root;

  /**
   * @param root the project directory; file names in origins are relative to it
   */
  YamlParser(Path root) {
    this.root = root;
  }

  /**
   * Parses a file whose top level must be a map; an empty file is an empty map.
   *
   * @throws HyggeException of kind CONFIG for unreadable files, invalid YAML (with line and
   *     column), duplicate keys and a top level that is not a map
   */
  YamlNode.Mapping parse(Path file) {
    String name = displayName(file);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new HyggeException(ErrorKind.CONFIG, "Cannot read " + name + ": " + e.getMessage(), e);
    }
    Optional<Node> document;
    try {
      document = new Compose(LoadSettings.builder().setLabel(name).build()).composeString(text);
    } catch (MarkedYamlEngineException e) {
      String where = e.getProblemMark().map(m -> name + ":" + position(m)).orElse(name);
      throw new HyggeException(
          ErrorKind.CONFIG,
          "Invalid YAML in "
              + where
              + ": "
              + e.getProblem()
              + contextOf(e)
              + ". Fix the syntax there (check indentation, colons and quotes).",
          e);
    } catch (YamlEngineException e) {
      throw new HyggeException(
          ErrorKind.CONFIG, "Invalid YAML in " + name + ": " + e.getMessage(), e);
    }
    Origin top = new Origin(name, 1);
    if (document.isEmpty()) {
      return YamlNode.Mapping.empty(top);
    }
    YamlNode node = convert(document.get(), name);
    if (node instanceof YamlNode.Scalar s && s.isNull()) {
      return YamlNode.Mapping.empty(top);
    }
    if (!(node instanceof YamlNode.Mapping mapping)) {
      throw HyggeException.config(
          name
              + " must hold a map of keys (like 'name: value'), but its top level is "
              + node.kind()
              + " at "
              + node.origin()
              + ".");
    }
    return mapping;
  }

  /** The file's name relative to the project directory, as messages show it. */
  String displayName(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path base = root.toAbsolutePath().normalize();
    return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
  }

  private static String contextOf(MarkedYamlEngineException e) {
    return e.getContext() == null ? "" : " (" + e.getContext() + ")";
  }

  private static String position(Mark mark) {
    return (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
  }

  private YamlNode convert(Node node, String file) {
    Origin origin = new Origin(file, node.getStartMark().map(m -> m.getLine() + 1).orElse(0));
    if (node instanceof ScalarNode scalar) {
      boolean isNull = scalar.getTag().equals(Tag.NULL);
      return new YamlNode.Scalar(isNull ? null : scalar.getValue(), origin);
    }
    if (node instanceof SequenceNode sequence) {
      List<YamlNode> items = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        items.add(convert(item, file));
      }
      return new YamlNode.Sequence(items, origin);
    }
    MappingNode mapping = (MappingNode) node;
    Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      YamlNode key = convert(tuple.getKeyNode(), file);
      if (!(key instanceof YamlNode.Scalar scalarKey) || scalarKey.isNull()) {
        throw HyggeException.config(
            "Invalid key at "
                + key.origin()
                + ": a key must be a plain word, not "
                + key.kind()
                + ".");
      }
      YamlNode.Entry previous = entries.get(scalarKey.text());
      if (previous != null) {
        throw HyggeException.config(
            "Duplicate key '"
                + scalarKey.text()
                + "' at "
                + key.origin()
                + " (already given at "
                + previous.keyOrigin()
                + "). Keep one of them.");
      }
      entries.put(
          scalarKey.text(), new YamlNode.Entry(key.origin(), convert(tuple.getValueNode(), file)));
    }
    return new YamlNode.Mapping(entries, origin);
  }
}
