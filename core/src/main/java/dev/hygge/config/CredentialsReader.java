package dev.hygge.config;

import dev.hygge.HyggeException;
import dev.hygge.credentials.CredentialMethod;
import dev.hygge.credentials.CredentialType;
import dev.hygge.credentials.CredentialTypes;
import dev.hygge.credentials.CredentialUser;
import dev.hygge.credentials.Credentials;
import dev.hygge.credentials.NamedCredential;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the {@code credentials:} block of hygge.yml: each entry's type, method and keys, checked
 * before any data moves.
 */
final class CredentialsReader {
  static final String TYPE = "type";
  static final String METHOD = "method";
  private static final String VIA = "credential";

  private final Path root;
  private final ValueResolver resolver;

  CredentialsReader(Path root, ValueResolver resolver) {
    this.root = root;
    this.resolver = resolver;
  }

  /**
   * The named credentials of hygge.yml.
   *
   * @throws HyggeException of kind CONFIG naming the credential, file, line and key of the first
   *     problem
   */
  Credentials read(YamlNode.Mapping hygge) {
    YamlNode.Mapping block =
        StructureKeys.mapping(hygge, StructureKeys.CREDENTIALS, "hygge.yml").orElse(null);
    if (block == null) {
      return Credentials.none();
    }
    Map<String, NamedCredential> credentials = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode.Entry> e : block.entries().entrySet()) {
      credentials.put(e.getKey(), credential(e.getKey(), e.getValue()));
    }
    return linked(new Credentials(credentials));
  }

  /** Resolves each key_vault credential's {@code credential:}, the azure_ad one it reads with. */
  private static Credentials linked(Credentials read) {
    Map<String, NamedCredential> linked = new LinkedHashMap<>();
    for (NamedCredential c : read.all()) {
      Optional<String> via =
          c.type().equals(CredentialTypes.KEY_VAULT) ? c.value(VIA) : Optional.empty();
      linked.put(
          c.name(),
          via.map(
                  name ->
                      c.reaching(
                          read.require(
                              name,
                              CredentialUser.KEY_VAULT,
                              "credential '" + c.name() + "' (its credential:)",
                              c.origin())))
              .orElse(c));
    }
    return new Credentials(linked);
  }

  private NamedCredential credential(String name, YamlNode.Entry entry) {
    String where = "credential '" + name + "' in hygge.yml";
    if (!(entry.value() instanceof YamlNode.Mapping mapping)) {
      throw HyggeException.config(
          where
              + " at "
              + entry.keyOrigin()
              + " must be a map with type: and method:, e.g. type: s3 and method: default.");
    }
    String prefix = StructureKeys.CREDENTIALS + "." + ConfigSources.segment(name);
    CredentialType type = type(where, prefix, mapping);
    List<Setting> declared =
        Stream.concat(
                Stream.of(
                    Setting.required(TYPE, SettingType.STRING, "The credential's type."),
                    Setting.optional(METHOD, SettingType.STRING, "How it authenticates.")),
                type.keys().stream())
            .toList();
    Map<String, ConfigValue> values = resolver.block(prefix, mapping, declared);
    Settings settings;
    try {
      settings = Settings.validate(where, mapping.origin(), root, declared, values);
    } catch (HyggeException e) {
      throw SecretValues.redact(e, values);
    }
    CredentialMethod method = method(settings, type);
    checkKeys(settings, type, method);
    Map<String, String> given = new LinkedHashMap<>();
    for (Setting key : type.keys()) {
      if (settings.has(key.name())) {
        given.put(
            key.name(),
            key.type() == SettingType.PATH
                ? settings.path(key.name()).toString()
                : settings.string(key.name()));
      }
    }
    return new NamedCredential(name, type, method, given, entry.keyOrigin());
  }

  private CredentialType type(String where, String prefix, YamlNode.Mapping mapping) {
    ConfigValue given =
        mapping
            .value(TYPE)
            .map(node -> resolver.resolve(prefix + "." + TYPE, TYPE, node))
            .orElseThrow(
                () ->
                    HyggeException.config(
                        "Missing 'type' in "
                            + where
                            + " at "
                            + mapping.origin()
                            + ". Types: "
                            + typeNames()
                            + "."));
    String word = String.valueOf(given.value());
    return CredentialTypes.named(word)
        .orElseThrow(
            () ->
                HyggeException.config(
                    "Unknown credential type '"
                        + word
                        + "' in "
                        + where
                        + " at "
                        + given.origin()
                        + "."
                        + Suggestions.hint(word, typeNames())
                        + " Types: "
                        + String.join(", ", typeNames())
                        + "."));
  }

  private static CredentialMethod method(Settings settings, CredentialType type) {
    if (!settings.has(METHOD)) {
      return type.defaultMethod()
          .flatMap(type::method)
          .orElseThrow(
              () ->
                  HyggeException.config(
                      "Missing 'method' in "
                          + settings.block()
                          + " at "
                          + settings.origin()
                          + ": a "
                          + type.name()
                          + " credential needs one of "
                          + String.join(", ", type.methodNames())
                          + "."));
    }
    String word = settings.string(METHOD);
    return type.method(word)
        .orElseThrow(
            () ->
                settings.error(
                    METHOD,
                    "'"
                        + word
                        + "' is not a method of "
                        + type.name()
                        + " credentials."
                        + Suggestions.hint(word, type.methodNames())
                        + " Methods: "
                        + String.join(", ", type.methodNames())
                        + "."));
  }

  private static void checkKeys(Settings settings, CredentialType type, CredentialMethod method) {
    for (Setting key : type.keys()) {
      if (settings.has(key.name()) && !method.uses(key.name())) {
        List<String> users = new ArrayList<>();
        type.methods().stream().filter(m -> m.uses(key.name())).forEach(m -> users.add(m.name()));
        throw settings.error(
            key.name(),
            "method "
                + method.name()
                + " does not read it; it belongs to method "
                + String.join(" or ", users)
                + ". Remove it or change 'method:'.");
      }
    }
    for (String key : method.required()) {
      if (!settings.has(key) || settings.string(key).isBlank()) {
        throw HyggeException.config(
            "Missing '"
                + key
                + "' in "
                + settings.block()
                + " at "
                + settings.origin()
                + ": method "
                + method.name()
                + " needs "
                + String.join(", ", method.required())
                + ".");
      }
    }
    for (List<String> group : method.oneOf()) {
      long given = group.stream().filter(settings::has).count();
      if (given != 1) {
        throw HyggeException.config(
            (given == 0 ? "Missing " : "Too many of ")
                + String.join(" or ", group)
                + " in "
                + settings.block()
                + " at "
                + settings.origin()
                + ": method "
                + method.name()
                + " needs exactly one of them.");
      }
    }
  }

  private static List<String> typeNames() {
    return CredentialTypes.ALL.stream().map(CredentialType::name).toList();
  }
}
