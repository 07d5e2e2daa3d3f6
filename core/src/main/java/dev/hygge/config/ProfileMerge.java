package dev.hygge.config;

import dev.hygge.HyggeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies profile blocks written in YAML: a key {@code "%dev"} (a map) or {@code "%dev.some.key"}
 * at any level overrides the keys beside it when profile {@code dev} is active, and is dropped
 * otherwise. Maps merge key by key; lists and single values replace.
 */
final class ProfileMerge {
  private final List<String> active;

  /**
   * @param active the active profiles; a later profile wins over an earlier one
   */
  ProfileMerge(List<String> active) {
    this.active = List.copyOf(active);
  }

  /** The map without its top-level profile keys; profile keys below the top level are applied. */
  YamlNode.Mapping withoutTopLevel(YamlNode.Mapping mapping) {
    Map<String, YamlNode.Entry> base = new LinkedHashMap<>(mapping.entries());
    base.keySet().removeIf(k -> k.startsWith("%"));
    return apply(new YamlNode.Mapping(base, mapping.origin()));
  }

  /** The top-level profile keys of the active profiles, merged into one map of overrides. */
  YamlNode.Mapping topLevel(YamlNode.Mapping mapping) {
    Map<String, YamlNode.Entry> profiled = new LinkedHashMap<>(mapping.entries());
    profiled.keySet().removeIf(k -> !k.startsWith("%"));
    return apply(new YamlNode.Mapping(profiled, mapping.origin()));
  }

  YamlNode.Mapping apply(YamlNode.Mapping mapping) {
    Map<String, YamlNode.Entry> base = new LinkedHashMap<>();
    Map<String, List<ProfiledEntry>> profiled = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode.Entry> e : mapping.entries().entrySet()) {
      String key = e.getKey();
      if (key.startsWith("%")) {
        int dot = key.indexOf('.');
        String profile = dot < 0 ? key.substring(1) : key.substring(1, dot);
        List<String> path =
            dot < 0 ? List.of() : Arrays.asList(key.substring(dot + 1).split("\\."));
        profiled
            .computeIfAbsent(profile, p -> new ArrayList<>())
            .add(new ProfiledEntry(path, e.getValue()));
      } else {
        base.put(key, new YamlNode.Entry(e.getValue().keyOrigin(), applyTo(e.getValue().value())));
      }
    }
    YamlNode.Mapping result = new YamlNode.Mapping(base, mapping.origin());
    for (String profile : active) {
      for (ProfiledEntry entry : profiled.getOrDefault(profile, List.of())) {
        YamlNode value = applyTo(entry.entry().value());
        if (entry.path().isEmpty()) {
          if (!(value instanceof YamlNode.Mapping overrides)) {
            throw HyggeException.config(
                "Profile block '%"
                    + profile
                    + "' at "
                    + entry.entry().keyOrigin()
                    + " must be a map of the keys it overrides, not "
                    + value.kind()
                    + ".");
          }
          result = merge(result, overrides);
        } else {
          result = merge(result, nest(entry.path(), entry.entry().keyOrigin(), value));
        }
      }
    }
    return result;
  }

  private YamlNode applyTo(YamlNode node) {
    if (node instanceof YamlNode.Mapping m) {
      return apply(m);
    }
    if (node instanceof YamlNode.Sequence s) {
      return new YamlNode.Sequence(s.items().stream().map(this::applyTo).toList(), s.origin());
    }
    return node;
  }

  private static YamlNode.Mapping nest(List<String> path, Origin keyOrigin, YamlNode value) {
    YamlNode node = value;
    for (int i = path.size() - 1; i > 0; i--) {
      node =
          new YamlNode.Mapping(Map.of(path.get(i), new YamlNode.Entry(keyOrigin, node)), keyOrigin);
    }
    return new YamlNode.Mapping(
        Map.of(path.get(0), new YamlNode.Entry(keyOrigin, node)), keyOrigin);
  }

  static YamlNode.Mapping merge(YamlNode.Mapping base, YamlNode.Mapping overrides) {
    YamlNode.Mapping result = base;
    for (Map.Entry<String, YamlNode.Entry> e : overrides.entries().entrySet()) {
      YamlNode.Entry over = e.getValue();
      YamlNode existing = base.entry(e.getKey()).map(YamlNode.Entry::value).orElse(null);
      if (existing instanceof YamlNode.Mapping m && over.value() instanceof YamlNode.Mapping o) {
        result = result.with(e.getKey(), new YamlNode.Entry(over.keyOrigin(), merge(m, o)));
      } else {
        result = result.with(e.getKey(), over);
      }
    }
    return result;
  }

  private record ProfiledEntry(List<String> path, YamlNode.Entry entry) {}
}
