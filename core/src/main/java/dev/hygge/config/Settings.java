package dev.hygge.config;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import dev.hygge.credentials.CredentialUser;
import dev.hygge.credentials.Credentials;
import dev.hygge.credentials.NamedCredential;
import dev.hygge.storage.Location;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validated settings of one block (a home, a store, project options), each value with its
 * origin. Built by {@link #validate}, which rejects unknown keys (suggesting the nearest valid
 * one), missing required settings and values of the wrong type, so the typed accessors only fail on
 * constraints a type cannot express.
 */
public final class Settings {
  private static final Pattern LOCATION_URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");

  private final String block;
  private final Origin blockOrigin;
  private final Path baseDir;
  private final Map<String, Setting> declared;
  private final Map<String, ConfigValue> values;
  private final Credentials credentials;
  private final Set<String> secretValues;

  private Settings(
      String block,
      Origin blockOrigin,
      Path baseDir,
      Map<String, Setting> declared,
      Map<String, ConfigValue> values,
      Credentials credentials,
      Set<String> secretValues) {
    this.block = block;
    this.blockOrigin = blockOrigin;
    this.baseDir = baseDir;
    this.declared = declared;
    this.values = values;
    this.credentials = credentials;
    this.secretValues = secretValues;
  }

  /**
   * Validates {@code values} against the declared settings.
   *
   * @param block what the block is, for messages, e.g. {@code store of entity sales.orders}
   * @param blockOrigin where the block starts
   * @param baseDir the directory relative paths are resolved against (the project directory)
   * @throws HyggeException of kind CONFIG naming the file, line and key of the first problem
   */
  public static Settings validate(
      String block,
      Origin blockOrigin,
      Path baseDir,
      List<Setting> declared,
      Map<String, ConfigValue> values) {
    return validate(block, blockOrigin, baseDir, declared, values, Credentials.none(), Set.of());
  }

  /**
   * Validates {@code values} against the declared settings, in a project with named credentials
   * that {@link #credential} looks up.
   *
   * @throws HyggeException of kind CONFIG naming the file, line and key of the first problem
   */
  public static Settings validate(
      String block,
      Origin blockOrigin,
      Path baseDir,
      List<Setting> declared,
      Map<String, ConfigValue> values,
      Credentials credentials) {
    return validate(block, blockOrigin, baseDir, declared, values, credentials, Set.of());
  }

  /**
   * Validates {@code values}; errors, and {@link #maskSecrets}, mask every one of {@code
   * secretValues}.
   *
   * @param secretValues the values fetched from secret managers for this project
   */
  static Settings validate(
      String block,
      Origin blockOrigin,
      Path baseDir,
      List<Setting> declared,
      Map<String, ConfigValue> values,
      Set<String> secretValues) {
    return validate(
        block, blockOrigin, baseDir, declared, values, Credentials.none(), secretValues);
  }

  /**
   * Validates {@code values} in a project with named credentials and fetched secrets.
   *
   * @param secretValues the values fetched from secret managers for this project
   */
  static Settings validate(
      String block,
      Origin blockOrigin,
      Path baseDir,
      List<Setting> declared,
      Map<String, ConfigValue> values,
      Credentials credentials,
      Set<String> secretValues) {
    requireNonNull(block, "block is null");
    requireNonNull(credentials, "credentials is null");
    requireNonNull(blockOrigin, "blockOrigin is null");
    requireNonNull(baseDir, "baseDir is null");
    Map<String, Setting> byName = new LinkedHashMap<>();
    declared.forEach(s -> byName.put(s.name(), s));
    Settings settings =
        new Settings(
            block,
            blockOrigin,
            baseDir,
            byName,
            new LinkedHashMap<>(requireNonNull(values)),
            credentials,
            Set.copyOf(secretValues));
    for (Map.Entry<String, ConfigValue> entry : values.entrySet()) {
      if (!byName.containsKey(entry.getKey())) {
        throw HyggeException.config(
            "Unknown key '"
                + entry.getKey()
                + "' in "
                + block
                + " at "
                + entry.getValue().origin()
                + "."
                + Suggestions.hint(entry.getKey(), byName.keySet())
                + " Valid keys: "
                + String.join(", ", byName.keySet())
                + ".");
      }
    }
    for (Setting setting : declared) {
      ConfigValue value = values.get(setting.name());
      if (value == null) {
        if (setting.required()) {
          throw HyggeException.config(
              "Missing required setting '"
                  + setting.name()
                  + "' in "
                  + block
                  + " at "
                  + blockOrigin
                  + ": "
                  + setting.description());
        }
        continue;
      }
      settings.check(setting, value);
    }
    return settings;
  }

  private void check(Setting setting, ConfigValue value) {
    Object raw = value.value();
    switch (setting.type()) {
      case LIST -> {
        if (!(raw instanceof List)) {
          throw error(setting.name(), "expected a list, got '" + raw + "'");
        }
      }
      case MAP -> {
        if (!(raw instanceof Map)) {
          throw error(setting.name(), "expected a map of keys to values, got '" + raw + "'");
        }
      }
      default -> {
        if (!(raw instanceof String text)) {
          throw error(setting.name(), "expected a single value, got a list or map");
        }
        parse(setting, text);
      }
    }
  }

  private Object parse(Setting setting, String text) {
    String name = setting.name();
    return switch (setting.type()) {
      case INTEGER -> {
        try {
          yield Long.parseLong(text.trim().replace("_", ""));
        } catch (NumberFormatException e) {
          throw error(name, "'" + text + "' is not a whole number");
        }
      }
      case SIZE -> {
        try {
          yield ByteSize.parse(text);
        } catch (IllegalArgumentException e) {
          throw error(name, e.getMessage());
        }
      }
      case BOOLEAN -> {
        String word = text.trim().toLowerCase(Locale.ROOT);
        if (!word.equals("true") && !word.equals("false")) {
          throw error(name, "'" + text + "' is not true or false");
        }
        yield Boolean.valueOf(word);
      }
      case CHOICE -> {
        if (!setting.choices().contains(text)) {
          throw error(
              name,
              "'"
                  + text
                  + "' is not one of "
                  + String.join(", ", setting.choices())
                  + "."
                  + Suggestions.hint(text, setting.choices()));
        }
        yield text;
      }
      default -> text;
    };
  }

  /** What this block is, for messages, e.g. {@code store of entity sales.orders}. */
  public String block() {
    return block;
  }

  /** Where the block starts. */
  public Origin origin() {
    return blockOrigin;
  }

  /** Where a key's value came from, or where the block starts when the key was not given. */
  public Origin origin(String key) {
    ConfigValue value = values.get(key);
    return value == null ? blockOrigin : value.origin();
  }

  /** Whether the user gave a value for the key (defaults do not count). */
  public boolean has(String key) {
    return values.containsKey(declared(key).name());
  }

  /** The raw text of a single-valued setting, or its default; empty when neither exists. */
  public Optional<String> optionalString(String key) {
    Setting setting = declared(key);
    ConfigValue value = values.get(key);
    if (value != null) {
      return Optional.of((String) value.value());
    }
    return setting.defaultValue();
  }

  /** A single-valued setting that is required or has a default. */
  public String string(String key) {
    return optionalString(key)
        .orElseThrow(
            () -> new IllegalStateException("setting " + key + " has neither value nor default"));
  }

  /** A path setting resolved against the project directory. */
  public Path path(String key) {
    return baseDir.resolve(string(key)).normalize();
  }

  /**
   * A location setting: an object-storage URL ({@code s3://}, {@code gs://}, {@code abfss://},
   * {@code az://}) as written, or a local path resolved against the project directory.
   *
   * @throws HyggeException of kind CONFIG naming the key when the URL is malformed
   */
  public Location location(String key) {
    String text = string(key);
    if (LOCATION_URL.matcher(text).matches()) {
      try {
        return Location.parse(text);
      } catch (HyggeException e) {
        throw error(key, e.getMessage());
      }
    }
    return Location.of(path(key));
  }

  /**
   * The named credential a setting refers to, checked to fit what uses it; empty when the setting
   * is not given.
   *
   * @throws HyggeException of kind CONFIG when the credential is not defined or does not fit
   */
  public Optional<NamedCredential> credential(String key, CredentialUser user) {
    if (!has(key) || string(key).isBlank()) {
      return Optional.empty();
    }
    return Optional.of(credentials.require(string(key), user, block, origin(key)));
  }

  /** A whole-number setting that fits an int. */
  public int integer(String key) {
    long value = (Long) parse(declared(key), string(key));
    if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
      throw error(key, value + " is out of range");
    }
    return (int) value;
  }

  /** A positive whole-number setting that fits an int. */
  public int positiveInteger(String key) {
    int value = integer(key);
    if (value <= 0) {
      throw error(key, "must be greater than 0, got " + value);
    }
    return value;
  }

  /** A byte-size setting, in bytes. */
  public long size(String key) {
    return (Long) parse(declared(key), string(key));
  }

  /** A boolean setting. */
  public boolean bool(String key) {
    return (Boolean) parse(declared(key), string(key));
  }

  /** A choice setting as an enum constant: the word {@code full_drop} maps to {@code FULL_DROP}. */
  public <E extends Enum<E>> E choice(String key, Class<E> type) {
    String word = (String) parse(declared(key), string(key));
    return Enum.valueOf(type, word.toUpperCase(Locale.ROOT));
  }

  /** A list setting; empty when not given and without default. */
  @SuppressWarnings("unchecked")
  public List<String> list(String key) {
    declared(key);
    ConfigValue value = values.get(key);
    return value == null ? List.of() : List.copyOf((List<String>) value.value());
  }

  /** A map setting; empty when not given. Keys keep the order they were written in. */
  @SuppressWarnings("unchecked")
  public Map<String, String> map(String key) {
    declared(key);
    ConfigValue value = values.get(key);
    return value == null
        ? Map.of()
        : java.util.Collections.unmodifiableMap(
            new LinkedHashMap<>((Map<String, String>) value.value()));
  }

  /** The values the user gave, each with its origin. */
  public Map<String, ConfigValue> values() {
    return java.util.Collections.unmodifiableMap(values);
  }

  /** The declared settings of this block. */
  public List<Setting> declared() {
    return List.copyOf(declared.values());
  }

  /** The project directory that relative paths are resolved against. */
  public Path baseDir() {
    return baseDir;
  }

  /**
   * A config error about one key, naming the block, the file and line, and the problem.
   *
   * @param problem what is wrong and, where possible, what to write instead
   */
  public HyggeException error(String key, String problem) {
    return HyggeException.config(
        maskSecrets(
            "Invalid value for '" + key + "' in " + block + " at " + origin(key) + ": " + problem));
  }

  /**
   * The text with every value that came from a secret manager ({@code ${aws-secrets::...}} and the
   * like) replaced by {@code ****}, whatever the key that holds it; for anything shown to a user.
   */
  public String maskSecrets(String text) {
    return SecretValues.maskFetched(text, secretValues);
  }

  private Setting declared(String key) {
    Setting setting = declared.get(key);
    if (setting == null) {
      throw new IllegalArgumentException("undeclared setting " + key + " in " + block);
    }
    return setting;
  }
}
