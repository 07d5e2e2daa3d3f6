package dev.hygge.config;

import dev.hygge.HyggeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The keys of {@code hygge.yml}, {@code flow.yml} and entity files, declared as settings so they
 * are documented and checked like any other block.
 */
public final class StructureKeys {
  public static final String NAME = "name";
  public static final String FLOWS_DIR = "flows_dir";
  public static final String OPTIONS = "options";
  public static final String DEFAULTS = "defaults";
  public static final String FLOWS = "flows";
  public static final String CONNECTIONS = "connections";
  public static final String CREDENTIALS = "credentials";
  public static final String HOME = "home";
  public static final String STORE = "store";
  public static final String ENTITIES = "entities";
  public static final String TYPE = "type";
  public static final String STATE = "state";

  /** The default of {@code flows_dir}. */
  public static final String DEFAULT_FLOWS_DIR = "flows";

  /** The keys of {@code hygge.yml}. */
  public static final List<Setting> PROJECT =
      List.of(
          Setting.optional(
              NAME, SettingType.STRING, "The project's name; defaults to its directory's name."),
          Setting.optional(
              FLOWS_DIR,
              SettingType.PATH,
              DEFAULT_FLOWS_DIR,
              "The directory holding one sub-directory per flow."),
          Setting.optional(OPTIONS, SettingType.MAP, "Project-wide options."),
          Setting.optional(DEFAULTS, SettingType.MAP, "Run settings every entity inherits."),
          Setting.optional(FLOWS, SettingType.MAP, "Flows defined in hygge.yml itself."),
          Setting.optional(
              CONNECTIONS, SettingType.MAP, "Named connections (reserved; not used yet)."),
          Setting.optional(
              CREDENTIALS,
              SettingType.MAP,
              "Named credentials, each with a type, a method and the method's keys; homes and"
                  + " stores refer to them by name with credential:."),
          Setting.optional(
              STATE, SettingType.MAP, "Where watermarks, file journals and run history live."));

  /** The keys of a flow ({@code flow.yml} or an entry of {@code flows:}). */
  public static final List<Setting> FLOW =
      List.of(
          Setting.optional(NAME, SettingType.STRING, "The flow's name; defaults to its directory."),
          Setting.optional(HOME, SettingType.MAP, "Where the data comes from: type and settings."),
          Setting.optional(STORE, SettingType.MAP, "Where the data goes: type and settings."),
          Setting.optional(DEFAULTS, SettingType.MAP, "Run settings the flow's entities inherit."),
          Setting.choice(
              RunSettings.RUN_TYPE,
              List.of("incremental", "full_drop"),
              "full_drop",
              "The flow's run type; wins over the flow's defaults."),
          Setting.optional(ENTITIES, SettingType.LIST, "The flow's entities, by name or as maps."));

  /** The keys of an entity file or entity map. */
  public static final List<Setting> ENTITY =
      Stream.concat(
              Stream.of(
                  Setting.optional(
                      NAME, SettingType.STRING, "The entity's name; defaults to the file name."),
                  Setting.optional(HOME, SettingType.MAP, "Overrides of the flow's home."),
                  Setting.optional(STORE, SettingType.MAP, "Overrides of the flow's store.")),
              RunSettings.ALL.stream())
          .toList();

  private StructureKeys() {}

  /**
   * Rejects keys that are not declared.
   *
   * @throws HyggeException of kind CONFIG naming the key, file and line, nearest key and valid keys
   */
  static void checkKnown(YamlNode.Mapping mapping, List<Setting> declared, String block) {
    List<String> names = new ArrayList<>();
    declared.forEach(s -> names.add(s.name()));
    for (Map.Entry<String, YamlNode.Entry> e : mapping.entries().entrySet()) {
      if (!names.contains(e.getKey())) {
        throw HyggeException.config(
            "Unknown key '"
                + e.getKey()
                + "' in "
                + block
                + " at "
                + e.getValue().keyOrigin()
                + "."
                + Suggestions.hint(e.getKey(), names)
                + " Valid keys: "
                + String.join(", ", names)
                + ".");
      }
    }
  }

  /**
   * The value of a key that must be a map when given.
   *
   * @throws HyggeException of kind CONFIG when it is a list or a single value
   */
  static Optional<YamlNode.Mapping> mapping(YamlNode.Mapping parent, String key, String block) {
    return parent
        .value(key)
        .map(
            node -> {
              if (node instanceof YamlNode.Mapping m) {
                return m;
              }
              throw HyggeException.config(
                  "'"
                      + key
                      + "' in "
                      + block
                      + " at "
                      + node.origin()
                      + " must be a map of keys, but it is "
                      + node.kind()
                      + ".");
            });
  }

  /**
   * The literal text of a key that must be a single value when given (names are not expanded).
   *
   * @throws HyggeException of kind CONFIG when it is a list or a map
   */
  static Optional<String> literal(YamlNode.Mapping parent, String key, String block) {
    return parent
        .value(key)
        .map(
            node -> {
              if (node instanceof YamlNode.Scalar s) {
                return s.text();
              }
              throw HyggeException.config(
                  "'"
                      + key
                      + "' in "
                      + block
                      + " at "
                      + node.origin()
                      + " must be a single value, but it is "
                      + node.kind()
                      + ".");
            });
  }
}
