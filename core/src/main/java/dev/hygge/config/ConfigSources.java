package dev.hygge.config;

import io.smallrye.config.DotEnvConfigSourceProvider;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.MapBackedConfigValueConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SecretKeysHandler;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SysPropConfigSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link SmallRyeConfig} every value is resolved through. Sources, lowest priority
 * first: the project's YAML files, {@code .env}, environment variables, system properties, {@code
 * --var} overrides, and {@link LoadOptions#properties()}.
 */
final class ConfigSources {
  static final int YAML_ORDINAL = 250;
  static final int DOTENV_ORDINAL = 295;
  static final int ENV_ORDINAL = 300;
  static final int SYSTEM_ORDINAL = 400;
  static final int VAR_ORDINAL = 500;
  static final int PROPERTIES_ORDINAL = 600;

  static final String DOTENV_FILE = ".env";

  /**
   * The environment variable that would otherwise override the top-level {@code name:}; many shells
   * (WSL among them) set it to the host name, so it is left out.
   */
  private static final String SHELL_NAME_VARIABLE = "NAME";

  private ConfigSources() {}

  /**
   * Flattens a tree into properties: {@code flows.sales.store.path}, lists as {@code key[0]}. Null
   * values produce no property. Each value carries its file and line.
   */
  static Map<String, io.smallrye.config.ConfigValue> flatten(YamlNode.Mapping root) {
    Map<String, io.smallrye.config.ConfigValue> properties = new LinkedHashMap<>();
    flatten("", root, properties);
    return properties;
  }

  private static void flatten(
      String key, YamlNode node, Map<String, io.smallrye.config.ConfigValue> properties) {
    if (node instanceof YamlNode.Mapping m) {
      m.entries()
          .forEach(
              (k, e) ->
                  flatten(
                      key.isEmpty() ? segment(k) : key + "." + segment(k), e.value(), properties));
    } else if (node instanceof YamlNode.Sequence s) {
      for (int i = 0; i < s.items().size(); i++) {
        flatten(key + "[" + i + "]", s.items().get(i), properties);
      }
    } else if (node instanceof YamlNode.Scalar s && !s.isNull()) {
      properties.put(
          key,
          io.smallrye.config.ConfigValue.builder()
              .withName(key)
              .withValue(s.text())
              .withRawValue(s.text())
              .withConfigSourceName(s.origin().source())
              .withConfigSourceOrdinal(YAML_ORDINAL)
              .withLineNumber(s.origin().line())
              .build());
    }
  }

  /** A key segment as SmallRye reads it: quoted when it holds a dot. */
  static String segment(String key) {
    return key.contains(".") ? "\"" + key + "\"" : key;
  }

  /** The environment without the variables hygge leaves out. */
  static Map<String, String> environment() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove(SHELL_NAME_VARIABLE);
    return env;
  }

  static SmallRyeConfig build(
      Path projectDir,
      Map<String, io.smallrye.config.ConfigValue> yaml,
      Map<String, String> vars,
      Map<String, String> properties,
      List<String> profiles) {
    return build(projectDir, yaml, vars, properties, profiles, List.of());
  }

  /**
   * @param secretHandlers answer {@code ${handler::name}} expressions, e.g. from a {@code
   *     SecretCache}
   */
  static SmallRyeConfig build(
      Path projectDir,
      Map<String, io.smallrye.config.ConfigValue> yaml,
      Map<String, String> vars,
      Map<String, String> properties,
      List<String> profiles,
      List<SecretKeysHandler> secretHandlers) {
    SmallRyeConfigBuilder builder =
        new SmallRyeConfigBuilder()
            .addDefaultInterceptors()
            .withSecretKeysHandlers(secretHandlers.toArray(new SecretKeysHandler[0]))
            .withSources(new YamlConfigSource(yaml))
            .withSources(new EnvConfigSource(environment(), ENV_ORDINAL))
            .withSources(new SysPropConfigSource())
            .withSources(new PropertiesConfigSource(vars, "--var", VAR_ORDINAL))
            .withSources(new PropertiesConfigSource(properties, "properties", PROPERTIES_ORDINAL));
    Path dotenv = projectDir.resolve(DOTENV_FILE);
    if (Files.isRegularFile(dotenv)) {
      builder.withSources(
          DotEnvConfigSourceProvider.dotEnvSources(
              dotenv.toUri().toString(), ConfigSources.class.getClassLoader()));
    }
    if (!profiles.isEmpty()) {
      builder.withProfiles(profiles);
    }
    return builder.build();
  }

  /** The project's YAML files as one source; each value keeps its own file and line. */
  private static final class YamlConfigSource extends MapBackedConfigValueConfigSource {
    private static final long serialVersionUID = 1L;

    YamlConfigSource(Map<String, io.smallrye.config.ConfigValue> values) {
      super("hygge project files", values, YAML_ORDINAL);
    }
  }
}
