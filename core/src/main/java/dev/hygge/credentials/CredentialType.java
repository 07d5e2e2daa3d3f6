package dev.hygge.credentials;

import static java.util.Objects.requireNonNull;

import dev.hygge.config.Setting;
import dev.hygge.config.SettingType;
import java.util.List;
import java.util.Optional;

/**
 * A kind of named credential ({@code s3}, {@code gcs}, {@code azure_ad}, ...): the methods it
 * authenticates with and every key those methods read.
 *
 * @param name the word users write as {@code type:}
 * @param description one sentence for docs
 * @param methods the methods, the default first when there is one
 * @param defaultMethod the method used when {@code method:} is not written, empty when it must be
 * @param keys every key any method reads, with its description
 */
public record CredentialType(
    String name,
    String description,
    List<CredentialMethod> methods,
    Optional<String> defaultMethod,
    List<Setting> keys) {
  public CredentialType {
    requireNonNull(name, "name is null");
    requireNonNull(description, "description is null");
    methods = List.copyOf(requireNonNull(methods, "methods is null"));
    requireNonNull(defaultMethod, "defaultMethod is null");
    keys = List.copyOf(requireNonNull(keys, "keys is null"));
    for (CredentialMethod method : methods) {
      for (String key : method.keys()) {
        if (keys.stream().noneMatch(k -> k.name().equals(key))) {
          throw new IllegalArgumentException(
              name + "." + method.name() + " reads undeclared " + key);
        }
      }
    }
    if (defaultMethod.isPresent()) {
      String word = defaultMethod.get();
      if (methods.stream().noneMatch(m -> m.name().equals(word))) {
        throw new IllegalArgumentException(name + " default method " + word + " not declared");
      }
    }
  }

  /** The method named {@code word}, if this type has it. */
  public Optional<CredentialMethod> method(String word) {
    return methods.stream().filter(m -> m.name().equals(word)).findFirst();
  }

  /** The method names, for messages and docs. */
  public List<String> methodNames() {
    return methods.stream().map(CredentialMethod::name).toList();
  }

  static Setting key(String name, String description) {
    return Setting.optional(name, SettingType.STRING, description);
  }

  static Setting pathKey(String name, String description) {
    return Setting.optional(name, SettingType.PATH, description);
  }
}
