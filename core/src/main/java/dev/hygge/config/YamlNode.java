package dev.hygge.config;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A parsed YAML value that remembers where it was written, so errors can name file and line. */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

  /** Where the value starts. */
  Origin origin();

  /** What the node is, for messages such as "expected a map, got a list". */
  String kind();

  /** A scalar; {@code text} is null for YAML's null ({@code ~}, {@code null} or nothing). */
  record Scalar(String text, Origin origin) implements YamlNode {
    public Scalar {
      requireNonNull(origin, "origin is null");
    }

    boolean isNull() {
      return text == null;
    }

    @Override
    public String kind() {
      return isNull() ? "nothing" : "a single value";
    }
  }

  /** A YAML list. */
  record Sequence(List<YamlNode> items, Origin origin) implements YamlNode {
    public Sequence {
      items = List.copyOf(requireNonNull(items, "items is null"));
      requireNonNull(origin, "origin is null");
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /** One key of a mapping: where the key was written, and its value. */
  record Entry(Origin keyOrigin, YamlNode value) {
    public Entry {
      requireNonNull(keyOrigin, "keyOrigin is null");
      requireNonNull(value, "value is null");
    }
  }

  /** A YAML map; keys keep the order they were written in. */
  record Mapping(Map<String, Entry> entries, Origin origin) implements YamlNode {
    public Mapping {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
      requireNonNull(origin, "origin is null");
    }

    static Mapping empty(Origin origin) {
      return new Mapping(Map.of(), origin);
    }

    @Override
    public String kind() {
      return "a map";
    }

    Optional<Entry> entry(String key) {
      return Optional.ofNullable(entries.get(key));
    }

    /** The value of a key, absent when the key is missing or its value is null. */
    Optional<YamlNode> value(String key) {
      Entry entry = entries.get(key);
      if (entry == null || entry.value() instanceof Scalar s && s.isNull()) {
        return Optional.empty();
      }
      return Optional.of(entry.value());
    }

    Mapping with(String key, Entry entry) {
      Map<String, Entry> copy = new LinkedHashMap<>(entries);
      copy.put(key, entry);
      return new Mapping(copy, origin);
    }

    Mapping without(String key) {
      Map<String, Entry> copy = new LinkedHashMap<>(entries);
      copy.remove(key);
      return new Mapping(copy, origin);
    }

    /**
     * Sets the value at a path of keys below this map, creating maps on the way.
     *
     * @throws IllegalArgumentException naming the key when a key on the way is not a map
     */
    Mapping withPath(List<String> path, YamlNode leaf) {
      String head = path.get(0);
      if (path.size() == 1) {
        return with(head, new Entry(leaf.origin(), leaf));
      }
      Mapping child;
      Optional<YamlNode> existing = value(head);
      if (existing.isEmpty()) {
        child = Mapping.empty(leaf.origin());
      } else if (existing.get() instanceof Mapping m) {
        child = m;
      } else {
        throw new IllegalArgumentException(
            "'" + head + "' at " + existing.get().origin() + " is " + existing.get().kind());
      }
      Origin keyOrigin = entry(head).map(Entry::keyOrigin).orElse(leaf.origin());
      return with(head, new Entry(keyOrigin, child.withPath(path.subList(1, path.size()), leaf)));
    }
  }
}
