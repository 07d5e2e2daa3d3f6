package dev.hygge.config;

import dev.hygge.HyggeException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Resolves an entity's {@code home:} or {@code store:} block: merges the entity's keys over the
 * flow's (an entity that gives {@code type:} replaces the flow's block), fills {@code {entity}}
 * templates and derives each entity's {@code path} from the flow's.
 */
final class PipeBlock {
  static final String ENTITY_TEMPLATE = "{entity}";
  static final String PATH = "path";
  private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

  /** The resolved block: its type word and the values to validate against that type. */
  record Resolved(String type, Origin typeOrigin, Origin origin, Map<String, ConfigValue> values) {}

  private record Source(String prefix, YamlNode.Entry entry, boolean fromEntity) {}

  private final String kind;
  private final ValueResolver resolver;

  /**
   * @param kind {@code home} or {@code store}
   */
  PipeBlock(String kind, ValueResolver resolver) {
    this.kind = kind;
    this.resolver = resolver;
  }

  /**
   * @param settingsOf the declared settings of a type word, failing for unknown types
   * @param registered the registered type words, for the missing-type message
   */
  Resolved resolve(
      EntityScope scope,
      BiFunction<String, Origin, List<Setting>> settingsOf,
      Supplier<List<String>> registered) {
    String flowPrefix = scope.flowPrefix() + "." + kind;
    String entityPrefix = scope.entityPrefix() + "." + kind;
    Optional<YamlNode.Mapping> flowBlock =
        StructureKeys.mapping(scope.flowBody(), kind, "flow " + scope.flow());
    Optional<YamlNode.Mapping> entityBlock =
        scope
            .entityBody()
            .flatMap(b -> StructureKeys.mapping(b, kind, "entity " + scope.qualifiedName()));
    boolean replaces = entityBlock.flatMap(b -> b.value(StructureKeys.TYPE)).isPresent();
    Map<String, Source> sources = new LinkedHashMap<>();
    if (!replaces) {
      flowBlock.ifPresent(
          b -> b.entries().forEach((k, e) -> sources.put(k, new Source(flowPrefix, e, false))));
    }
    entityBlock.ifPresent(
        b -> b.entries().forEach((k, e) -> sources.put(k, new Source(entityPrefix, e, true))));
    Origin origin =
        replaces || flowBlock.isEmpty()
            ? entityBlock.map(YamlNode::origin).orElse(scope.entityOrigin())
            : flowBlock.get().origin();
    String block = kind + " of entity " + scope.qualifiedName();

    ConfigValue typeWord = type(scope, sources, origin, block, registered);
    List<Setting> declared = settingsOf.apply((String) typeWord.value(), typeWord.origin());
    Optional<String> flowPath =
        replaces ? Optional.empty() : flowPath(scope, flowBlock, flowPrefix);
    Map<String, ConfigValue> values = given(scope, sources, declared, flowPath);
    for (Setting setting : declared) {
      if (!values.containsKey(setting.name())) {
        lookup(scope, entityPrefix, flowPrefix, replaces, setting, origin, flowPath)
            .ifPresent(v -> values.put(setting.name(), v));
      }
    }
    return new Resolved((String) typeWord.value(), typeWord.origin(), origin, values);
  }

  /** The values the YAML gives (besides {@code type}), resolved, filled and with paths derived. */
  private Map<String, ConfigValue> given(
      EntityScope scope,
      Map<String, Source> sources,
      List<Setting> declared,
      Optional<String> flowPath) {
    Map<String, ConfigValue> values = new LinkedHashMap<>();
    for (Map.Entry<String, Source> e : sources.entrySet()) {
      String key = e.getKey();
      Source source = e.getValue();
      YamlNode node = source.entry().value();
      Optional<Setting> setting = declared.stream().filter(d -> d.name().equals(key)).findFirst();
      if (key.equals(StructureKeys.TYPE)) {
        continue;
      }
      if (node instanceof YamlNode.Scalar s && s.isNull()) {
        if (setting.isEmpty()) {
          // Kept so that validation reports the unknown key.
          values.put(key, new ConfigValue("", source.entry().keyOrigin()));
        }
        continue;
      }
      SettingType type = setting.map(Setting::type).orElse(SettingType.STRING);
      ConfigValue value =
          resolver.resolve(
              source.prefix() + "." + ConfigSources.segment(key), kind + "." + key, node, type);
      values.put(key, derive(scope, key, value, source.fromEntity(), flowPath));
    }
    return values;
  }

  private ConfigValue type(
      EntityScope scope,
      Map<String, Source> sources,
      Origin origin,
      String block,
      Supplier<List<String>> registered) {
    Source source = sources.get(StructureKeys.TYPE);
    Optional<ConfigValue> type;
    if (source != null && !(source.entry().value() instanceof YamlNode.Scalar s && s.isNull())) {
      ConfigValue value =
          resolver.resolve(
              source.prefix() + "." + StructureKeys.TYPE, kind + ".type", source.entry().value());
      if (!(value.value() instanceof String)) {
        throw HyggeException.config(
            "'type' in "
                + block
                + " at "
                + value.origin()
                + " must be a single word, not a list or map.");
      }
      type = Optional.of(value);
    } else {
      type =
          resolver
              .lookup(
                  scope.entityPrefix() + "." + kind + ".type",
                  kind + ".type",
                  origin,
                  SettingType.STRING)
              .or(
                  () ->
                      resolver.lookup(
                          scope.flowPrefix() + "." + kind + ".type",
                          kind + ".type",
                          origin,
                          SettingType.STRING));
    }
    if (type.isPresent() && !((String) type.get().value()).isBlank()) {
      return type.get();
    }
    String types = registered.get().isEmpty() ? "none" : String.join(", ", registered.get());
    if (sources.isEmpty()) {
      throw HyggeException.config(
          "Entity "
              + scope.qualifiedName()
              + " has no "
              + kind
              + ": add a '"
              + kind
              + ":' block with 'type:' to flow "
              + scope.flow()
              + " at "
              + scope.flowOrigin()
              + " (or to the entity). Registered "
              + kind
              + " types: "
              + types
              + ".");
    }
    throw HyggeException.config(
        "Missing 'type' in "
            + block
            + " at "
            + origin
            + ": add 'type:' to the "
            + kind
            + " block. Registered "
            + kind
            + " types: "
            + types
            + ".");
  }

  private Optional<String> flowPath(
      EntityScope scope, Optional<YamlNode.Mapping> flowBlock, String flowPrefix) {
    Optional<YamlNode> node = flowBlock.flatMap(b -> b.value(PATH));
    Optional<ConfigValue> value =
        node.isPresent()
            ? Optional.of(resolver.resolve(flowPrefix + "." + PATH, kind + "." + PATH, node.get()))
            : resolver.lookup(
                flowPrefix + "." + PATH, kind + "." + PATH, scope.flowOrigin(), SettingType.STRING);
    return value
        .filter(v -> v.value() instanceof String)
        .map(v -> fill((String) v.value(), scope.entity()));
  }

  private Optional<ConfigValue> lookup(
      EntityScope scope,
      String entityPrefix,
      String flowPrefix,
      boolean replaces,
      Setting setting,
      Origin near,
      Optional<String> flowPath) {
    if (scope.entityBody().isPresent()) {
      Optional<ConfigValue> found =
          resolver.lookup(
              entityPrefix + "." + setting.name(),
              kind + "." + setting.name(),
              near,
              setting.type());
      if (found.isPresent()) {
        return Optional.of(derive(scope, setting.name(), found.get(), true, flowPath));
      }
    }
    if (replaces) {
      return Optional.empty();
    }
    return resolver
        .lookup(
            flowPrefix + "." + setting.name(), kind + "." + setting.name(), near, setting.type())
        .map(v -> derive(scope, setting.name(), v, false, flowPath));
  }

  /** Fills templates, then applies the path rules. */
  private static ConfigValue derive(
      EntityScope scope,
      String key,
      ConfigValue value,
      boolean fromEntity,
      Optional<String> flowPath) {
    ConfigValue filled = fill(value, scope.entity());
    if (!key.equals(PATH) || !(filled.value() instanceof String path)) {
      return filled;
    }
    if (fromEntity) {
      if (isAbsolute(path) || flowPath.isEmpty()) {
        return filled;
      }
      return new ConfigValue(join(flowPath.get(), path), filled.origin());
    }
    String written = (String) value.value();
    if (!written.contains(ENTITY_TEMPLATE) && scope.declaresEntities()) {
      return new ConfigValue(join(path, scope.entity()), filled.origin());
    }
    return filled;
  }

  private static boolean isAbsolute(String path) {
    return URI_SCHEME.matcher(path).matches() || Path.of(path).isAbsolute();
  }

  private static String join(String base, String child) {
    String trimmed = base;
    while (trimmed.endsWith("/") && trimmed.length() > 1) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    String relative = child.startsWith("./") ? child.substring(2) : child;
    return trimmed.isEmpty() ? relative : trimmed + "/" + relative;
  }

  private static String fill(String text, String entity) {
    return text.replace(ENTITY_TEMPLATE, entity);
  }

  @SuppressWarnings("unchecked")
  private static ConfigValue fill(ConfigValue value, String entity) {
    Object raw = value.value();
    if (raw instanceof String s) {
      return new ConfigValue(fill(s, entity), value.origin());
    }
    if (raw instanceof List<?> list) {
      return new ConfigValue(
          list.stream().map(item -> fill((String) item, entity)).toList(), value.origin());
    }
    Map<String, String> filled = new LinkedHashMap<>();
    ((Map<String, String>) raw).forEach((k, v) -> filled.put(k, fill(v, entity)));
    return new ConfigValue(filled, value.origin());
  }
}
