package dev.hygge.config;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.secrets.SecretCache;
import dev.hygge.secrets.SecretUnavailableException;
import io.smallrye.config.SmallRyeConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves values through SmallRye Config: expands {@code ${VAR}} and {@code ${VAR:default}},
 * applies overrides from the environment, {@code .env}, system properties, {@code --var} and
 * properties, and keeps where each value came from.
 */
final class ValueResolver {
  private static final Pattern UNEXPANDED =
      Pattern.compile("Could not expand value (.+?) in property");

  private final SmallRyeConfig config;
  private final Optional<SecretCache> secrets;

  ValueResolver(SmallRyeConfig config) {
    this(config, Optional.empty());
  }

  /**
   * @param secrets the run's secrets, when {@code config} expands secret expressions from them
   */
  ValueResolver(SmallRyeConfig config, Optional<SecretCache> secrets) {
    this.config = config;
    this.secrets = secrets;
  }

  /** Every value fetched from a secret manager so far: never shown, wherever it appears. */
  Set<String> secretValues() {
    return secrets.map(SecretCache::values).orElse(Set.of());
  }

  /**
   * Resolves the YAML node found at a property key into a value with its origin.
   *
   * @param key the property key, e.g. {@code flows.sales.store.path}
   * @param shown the key as the user wrote it, for messages, e.g. {@code path}
   */
  ConfigValue resolve(String key, String shown, YamlNode node) {
    if (node instanceof YamlNode.Sequence sequence) {
      Optional<ConfigValue> whole = override(key, shown, node.origin());
      if (whole.isPresent()) {
        return new ConfigValue(split((String) whole.get().value()), whole.get().origin());
      }
      List<String> items = new ArrayList<>();
      for (int i = 0; i < sequence.items().size(); i++) {
        YamlNode item = sequence.items().get(i);
        if (!(item instanceof YamlNode.Scalar)) {
          throw HyggeException.config(
              "'"
                  + shown
                  + "' at "
                  + item.origin()
                  + " must be a list of single values, but item "
                  + (i + 1)
                  + " is "
                  + item.kind()
                  + ".");
        }
        items.add(scalar(key + "[" + i + "]", shown, item).value().toString());
      }
      return new ConfigValue(items, node.origin());
    }
    if (node instanceof YamlNode.Mapping mapping) {
      Map<String, String> values = new LinkedHashMap<>();
      for (Map.Entry<String, YamlNode.Entry> e : mapping.entries().entrySet()) {
        YamlNode value = e.getValue().value();
        if (!(value instanceof YamlNode.Scalar)) {
          throw HyggeException.config(
              "'"
                  + shown
                  + "."
                  + e.getKey()
                  + "' at "
                  + value.origin()
                  + " must be a single value, but it is "
                  + value.kind()
                  + ".");
        }
        String childKey = key + "." + ConfigSources.segment(e.getKey());
        values.put(
            e.getKey(), scalar(childKey, shown + "." + e.getKey(), value).value().toString());
      }
      return new ConfigValue(values, node.origin());
    }
    return scalar(key, shown, node);
  }

  /**
   * Resolves a block of settings: every key the YAML gives, plus each declared setting that only
   * another source (environment, {@code .env}, properties) gives. A null YAML value counts as not
   * given, unless its key is unknown (so validation still names it).
   *
   * @param prefix the block's property key, e.g. {@code flows.sales.defaults}
   */
  Map<String, ConfigValue> block(String prefix, YamlNode.Mapping mapping, List<Setting> declared) {
    Map<String, ConfigValue> values = new LinkedHashMap<>();
    List<String> names = declared.stream().map(Setting::name).toList();
    for (Map.Entry<String, YamlNode.Entry> e : mapping.entries().entrySet()) {
      YamlNode node = e.getValue().value();
      String key = child(prefix, ConfigSources.segment(e.getKey()));
      if (node instanceof YamlNode.Scalar s && s.isNull()) {
        if (!names.contains(e.getKey())) {
          values.put(e.getKey(), new ConfigValue("", e.getValue().keyOrigin()));
        }
        continue;
      }
      SettingType type =
          declared.stream()
              .filter(d -> d.name().equals(e.getKey()))
              .map(Setting::type)
              .findFirst()
              .orElse(SettingType.STRING);
      values.put(e.getKey(), resolve(key, e.getKey(), node, type));
    }
    for (Setting setting : declared) {
      if (!values.containsKey(setting.name())) {
        lookup(child(prefix, setting.name()), setting.name(), mapping.origin(), setting.type())
            .ifPresent(v -> values.put(setting.name(), v));
      }
    }
    return values;
  }

  private static String child(String prefix, String key) {
    return prefix.isEmpty() ? key : prefix + "." + key;
  }

  /**
   * Resolves a YAML node as a value of a declared type: a single value that came from outside the
   * YAML files (a {@code --var}, the environment, a property) is split on commas for a list.
   */
  ConfigValue resolve(String key, String shown, YamlNode node, SettingType type) {
    ConfigValue value = resolve(key, shown, node);
    if (type == SettingType.LIST
        && value.value() instanceof String text
        && value.origin().line() == 0) {
      return new ConfigValue(split(text), value.origin());
    }
    return value;
  }

  /** A value for a key the YAML does not have, from any other source; lists split on commas. */
  Optional<ConfigValue> lookup(String key, String shown, Origin near, SettingType type) {
    Optional<ConfigValue> found = override(key, shown, near);
    if (type == SettingType.LIST) {
      return found.map(v -> new ConfigValue(split((String) v.value()), v.origin()));
    }
    return found;
  }

  private ConfigValue scalar(String key, String shown, YamlNode node) {
    io.smallrye.config.ConfigValue value = read(key, shown, node.origin());
    String text = value.getValue();
    if (text == null) {
      // The YAML value was null; nothing overrides it.
      return new ConfigValue("", node.origin());
    }
    return new ConfigValue(text, originOf(value, key, node.origin()));
  }

  private Optional<ConfigValue> override(String key, String shown, Origin near) {
    io.smallrye.config.ConfigValue value = read(key, shown, near);
    if (value.getValue() == null) {
      return Optional.empty();
    }
    return Optional.of(new ConfigValue(value.getValue(), originOf(value, key, near)));
  }

  private io.smallrye.config.ConfigValue read(String key, String shown, Origin near) {
    io.smallrye.config.ConfigValue value;
    try {
      value = config.getConfigValue(key);
    } catch (SecretUnavailableException e) {
      throw e.at(key, near);
    } catch (NoSuchElementException e) {
      throw unexpanded(String.valueOf(e.getMessage()), key, shown, near, e);
    }
    if (value.hasProblems()) {
      String problem = value.getProblems().get(0).getMessage();
      throw unexpanded(problem, key, shown, near, null);
    }
    return value;
  }

  private static HyggeException unexpanded(
      String problem, String key, String shown, Origin near, RuntimeException cause) {
    Matcher m = UNEXPANDED.matcher(problem);
    if (!m.find()) {
      return new HyggeException(
          ErrorKind.CONFIG,
          "Cannot resolve '" + shown + "' at " + near + " (property " + key + "): " + problem,
          cause);
    }
    String variable = m.group(1);
    return new HyggeException(
        ErrorKind.CONFIG,
        "Variable '"
            + variable
            + "' is not set; it is used by '"
            + shown
            + "' at "
            + near
            + " (property "
            + key
            + "). Set "
            + variable
            + " in the environment or in the project's .env file, or give a default:"
            + " ${"
            + variable
            + ":default}.",
        cause);
  }

  static Origin originOf(io.smallrye.config.ConfigValue value, String key, Origin near) {
    int ordinal = value.getConfigSourceOrdinal();
    if (ordinal == ConfigSources.YAML_ORDINAL) {
      return near;
    }
    if (ordinal == ConfigSources.DOTENV_ORDINAL) {
      return new Origin(ConfigSources.DOTENV_FILE + " (" + envName(key) + ")", 0);
    }
    if (ordinal == ConfigSources.ENV_ORDINAL) {
      return new Origin("environment variable " + envName(key), 0);
    }
    if (ordinal == ConfigSources.SYSTEM_ORDINAL) {
      return new Origin("system property " + key, 0);
    }
    if (ordinal == ConfigSources.VAR_ORDINAL) {
      return near.line() == 0 ? near : new Origin("--var", 0);
    }
    return new Origin("property " + key, 0);
  }

  /** The environment variable name SmallRye maps a property key to. */
  static String envName(String key) {
    StringBuilder name = new StringBuilder();
    for (char c : key.toCharArray()) {
      name.append(Character.isLetterOrDigit(c) ? c : '_');
    }
    return name.toString().toUpperCase(Locale.ROOT);
  }

  private static List<String> split(String text) {
    if (text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(",")).map(String::trim).toList();
  }
}
