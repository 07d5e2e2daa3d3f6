package dev.hygge.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A declared setting of a home, store, flow or project. Declarations drive validation (unknown
 * keys, types, required settings), {@code hygge debug} output and the documentation test.
 *
 * @param name the YAML key
 * @param type the value type
 * @param defaultValue the default as the user would write it, empty when there is none
 * @param required whether a value must be given
 * @param choices the allowed words for {@link SettingType#CHOICE}, else empty
 * @param description one sentence for docs and errors
 */
public record Setting(
    String name,
    SettingType type,
    Optional<String> defaultValue,
    boolean required,
    List<String> choices,
    String description) {
  public Setting {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(defaultValue, "defaultValue is null");
    choices = List.copyOf(requireNonNull(choices, "choices is null"));
    requireNonNull(description, "description is null");
    if (type == SettingType.CHOICE && choices.isEmpty()) {
      throw new IllegalArgumentException("choice setting " + name + " has no choices");
    }
    if (required && defaultValue.isPresent()) {
      throw new IllegalArgumentException("required setting " + name + " cannot have a default");
    }
  }

  /** A setting the user must give. */
  public static Setting required(String name, SettingType type, String description) {
    return new Setting(name, type, Optional.empty(), true, List.of(), description);
  }

  /** An optional setting with a default. */
  public static Setting optional(
      String name, SettingType type, String defaultValue, String description) {
    return new Setting(name, type, Optional.of(defaultValue), false, List.of(), description);
  }

  /** An optional setting with no default. */
  public static Setting optional(String name, SettingType type, String description) {
    return new Setting(name, type, Optional.empty(), false, List.of(), description);
  }

  /** An optional choice among words, with a default. */
  public static Setting choice(
      String name, List<String> choices, String defaultValue, String description) {
    if (!choices.contains(defaultValue)) {
      throw new IllegalArgumentException(name + " default " + defaultValue + " not in " + choices);
    }
    return new Setting(
        name, SettingType.CHOICE, Optional.of(defaultValue), false, choices, description);
  }
}
