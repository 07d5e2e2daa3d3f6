package dev.hygge.config;

import static dev.hygge.config.StructureKeys.DEFAULTS;
import static dev.hygge.config.StructureKeys.FLOWS;
import static dev.hygge.config.StructureKeys.FLOWS_DIR;
import static dev.hygge.config.StructureKeys.NAME;
import static dev.hygge.config.StructureKeys.OPTIONS;

import dev.hygge.HyggeException;
import dev.hygge.credentials.Credentials;
import dev.hygge.flow.Registry;
import dev.hygge.secrets.SecretCache;
import dev.hygge.secrets.SecretManagers;
import dev.hygge.state.StateConfig;
import io.smallrye.config.SmallRyeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a hygge project ({@code hygge.yml}, {@code flows/<flow>/flow.yml}, entity files, {@code
 * .env}) into a validated {@link Project}. Every value is resolved through SmallRye Config, every
 * home and store is bound, and any problem fails here, naming file, line and key, before data
 * moves.
 */
public final class ProjectLoader {
  /** The property (environment variable {@code HYGGE_PROFILE}) naming the active profiles. */
  public static final String PROFILE_PROPERTY = "hygge.profile";

  private static final Logger LOG = LoggerFactory.getLogger(ProjectLoader.class);

  private ProjectLoader() {}

  /** Loads a project with the default options and the built-in types. */
  public static Project load(Path projectDir) {
    return load(projectDir, LoadOptions.defaults(), Registry.standard());
  }

  /**
   * Loads a project; its secret expressions are read from the standard secret managers (AWS Secrets
   * Manager, GCP Secret Manager, Azure Key Vault), which are closed when it is loaded.
   *
   * @throws HyggeException of kind CONFIG for any invalid configuration, of kind CREDENTIAL when a
   *     secret cannot be fetched
   */
  public static Project load(Path projectDir, LoadOptions options, Registry registry) {
    Path root = projectDir.toAbsolutePath().normalize();
    try (SecretManagers managers =
        SecretManagers.standard(SecretEndpointSettings.read(root, options))) {
      return load(projectDir, options, registry, managers);
    }
  }

  /**
   * Loads a project whose secret expressions are read from these managers. All of them are fetched
   * in parallel before values are resolved, each distinct expression once, within {@code
   * options.secret_timeout}.
   *
   * @param secretManagers where {@code ${handler::name}} expressions are read from; the caller
   *     closes them
   * @throws HyggeException of kind CONFIG for any invalid configuration, of kind CREDENTIAL when a
   *     secret cannot be fetched
   */
  public static Project load(
      Path projectDir, LoadOptions options, Registry registry, SecretManagers secretManagers) {
    Path root = projectDir.toAbsolutePath().normalize();
    Path projectFile = ProjectFiles.projectFile(root);
    List<String> profiles = profiles(root, options);
    ProfileMerge profileMerge = new ProfileMerge(profiles);
    ProjectFiles files = new ProjectFiles(new YamlParser(root), profileMerge);
    HyggeFile hygge = HyggeFile.read(files.parseRaw(projectFile), profileMerge);

    // hygge.yml's own keys resolve before flows are read: flows_dir says where they are. Options
    // come first, without secrets: secret_timeout says how long fetching secrets may take.
    YamlNode.Mapping settled = hygge.settled();
    Map<String, io.smallrye.config.ConfigValue> own = ConfigSources.flatten(settled.without(FLOWS));
    ProjectOptions projectOptions =
        options(
            root,
            settled,
            new ValueResolver(
                ConfigSources.build(root, own, Map.of(), options.properties(), profiles)));
    SecretCache secrets = new SecretCache(secretManagers, projectOptions.secretTimeout());
    ValueResolver bootstrap =
        new ValueResolver(
            ConfigSources.build(
                root, own, Map.of(), options.properties(), profiles, secrets.secretKeysHandlers()),
            Optional.of(secrets));
    String name = projectName(root, settled, bootstrap);
    Credentials credentials = new CredentialsReader(root, bootstrap).read(settled);
    StateConfig state = state(root, settled, bootstrap, credentials);
    Map<String, ConfigValue> defaults =
        runSettings(
            root,
            StructureKeys.mapping(settled, DEFAULTS, "hygge.yml"),
            settled.origin(),
            DEFAULTS,
            "defaults in hygge.yml",
            bootstrap);
    YamlNode.Mapping tree =
        CanonicalTree.overlay(
            CanonicalTree.build(hygge.own(), flowDirectories(root, settled, files, bootstrap)),
            hygge.profileOverrides());
    if (((YamlNode.Mapping) tree.value(FLOWS).orElseThrow()).entries().isEmpty()) {
      throw HyggeException.config(
          "Project "
              + root
              + " has no flows: add flows/<flow>/flow.yml (with home: and store:) or a flows:"
              + " block to hygge.yml.");
    }
    List<FlowConfig> flows =
        flows(root, tree, options, profiles, registry, defaults, secrets, credentials);
    LOG.debug("Loaded project {} from {} with {} flows", name, root, flows.size());
    return new Project(root, name, projectOptions, flows, state, credentials);
  }

  /**
   * hygge.yml split in two: its own keys, and its top-level profile blocks. Those may address flows
   * defined in flow directories, so they are merged over the whole project once it is assembled.
   */
  private record HyggeFile(YamlNode.Mapping own, YamlNode.Mapping profileOverrides) {
    static HyggeFile read(YamlNode.Mapping raw, ProfileMerge profileMerge) {
      // Profile blocks are checked whether or not their profile is active, so a typo shows up
      // before the profile is first used.
      raw.entries()
          .forEach(
              (key, entry) -> {
                if (key.startsWith("%") && entry.value() instanceof YamlNode.Mapping block) {
                  StructureKeys.checkKnown(
                      block, StructureKeys.PROJECT, "profile block '" + key + "' of hygge.yml");
                }
              });
      YamlNode.Mapping overrides = profileMerge.topLevel(raw);
      YamlNode.Mapping own = profileMerge.withoutTopLevel(raw);
      StructureKeys.checkKnown(own, StructureKeys.PROJECT, "hygge.yml");
      StructureKeys.mapping(own, StructureKeys.CONNECTIONS, "hygge.yml");
      StructureKeys.mapping(own, StructureKeys.CREDENTIALS, "hygge.yml");
      return new HyggeFile(own, overrides);
    }

    YamlNode.Mapping settled() {
      return ProfileMerge.merge(own, profileOverrides);
    }
  }

  private static List<FlowConfig> flows(
      Path root,
      YamlNode.Mapping tree,
      LoadOptions options,
      List<String> profiles,
      Registry registry,
      Map<String, ConfigValue> defaults,
      SecretCache secrets,
      Credentials credentials) {
    CommandLineVars.Applied applied = CommandLineVars.apply(tree, options.vars());
    SmallRyeConfig config =
        ConfigSources.build(
            root,
            ConfigSources.flatten(tree),
            applied.properties(),
            options.properties(),
            profiles,
            secrets.secretKeysHandlers());
    secrets.prefetch(
        SecretScan.uses(config, ConfigSources.flatten(applied.root()), secrets.handlers()));
    ValueResolver resolver = new ValueResolver(config, Optional.of(secrets));
    EntityAssembler entities = new EntityAssembler(root, registry, resolver, credentials);
    List<FlowConfig> flows = new ArrayList<>();
    for (Map.Entry<String, YamlNode.Entry> flow :
        ((YamlNode.Mapping) applied.root().value(FLOWS).orElseThrow()).entries().entrySet()) {
      flows.add(
          FlowAssembler.assemble(
              root, flow.getKey(), flow.getValue(), defaults, resolver, entities));
    }
    return flows;
  }

  private static List<String> profiles(Path root, LoadOptions options) {
    Optional<String> profile = options.profile();
    if (profile.isEmpty()) {
      SmallRyeConfig bootstrap =
          ConfigSources.build(root, Map.of(), Map.of(), options.properties(), List.of());
      profile = bootstrap.getOptionalValue(PROFILE_PROPERTY, String.class);
    }
    return profile
        .map(p -> Arrays.stream(p.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }

  private static List<ProjectFiles.FlowDirectory> flowDirectories(
      Path root, YamlNode.Mapping hygge, ProjectFiles files, ValueResolver resolver) {
    ConfigValue given =
        hygge
            .value(FLOWS_DIR)
            .map(node -> resolver.resolve(FLOWS_DIR, FLOWS_DIR, node))
            .or(() -> resolver.lookup(FLOWS_DIR, FLOWS_DIR, hygge.origin(), SettingType.PATH))
            .orElse(null);
    String dir = given == null ? StructureKeys.DEFAULT_FLOWS_DIR : given.value().toString();
    if (given != null && !(given.value() instanceof String)) {
      throw HyggeException.config(
          "'flows_dir' at " + given.origin() + " must be a single directory, not a list or map.");
    }
    Path flowsDir = root.resolve(dir).normalize();
    if (!Files.isDirectory(flowsDir)) {
      if (given != null) {
        throw HyggeException.config(
            "flows_dir '"
                + dir
                + "' at "
                + given.origin()
                + " does not exist (looked for "
                + flowsDir
                + "). Create it or fix 'flows_dir:'.");
      }
      return List.of();
    }
    return files.readFlows(flowsDir);
  }

  private static String projectName(Path root, YamlNode.Mapping shape, ValueResolver resolver) {
    Optional<YamlNode> node = shape.value(NAME);
    if (node.isEmpty()) {
      Path fileName = root.getFileName();
      return fileName == null ? root.toString() : fileName.toString();
    }
    ConfigValue value = resolver.resolve(NAME, NAME, node.get());
    if (!(value.value() instanceof String text)) {
      throw HyggeException.config(
          "'name' in hygge.yml at "
              + value.origin()
              + " must be a single value, not a list or map.");
    }
    return text;
  }

  private static ProjectOptions options(Path root, YamlNode.Mapping shape, ValueResolver resolver) {
    YamlNode.Mapping mapping =
        StructureKeys.mapping(shape, OPTIONS, "hygge.yml")
            .orElse(YamlNode.Mapping.empty(shape.origin()));
    Map<String, ConfigValue> values = resolver.block(OPTIONS, mapping, OptionSettings.ALL);
    return OptionSettings.read(
        Settings.validate(
            "options in hygge.yml", mapping.origin(), root, OptionSettings.ALL, values));
  }

  private static StateConfig state(
      Path root, YamlNode.Mapping shape, ValueResolver resolver, Credentials credentials) {
    YamlNode.Mapping mapping =
        StructureKeys.mapping(shape, StructureKeys.STATE, "hygge.yml")
            .orElse(YamlNode.Mapping.empty(shape.origin()));
    Map<String, ConfigValue> values =
        resolver.block(StructureKeys.STATE, mapping, StateSettings.ALL);
    return StateSettings.read(
        Settings.validate(
            "state in hygge.yml", mapping.origin(), root, StateSettings.ALL, values, credentials));
  }

  /**
   * The validated run settings of a {@code defaults:} block, keyed by name.
   *
   * @param prefix the block's property key, e.g. {@code flows.sales.defaults}
   * @param block what the block is, for messages
   */
  static Map<String, ConfigValue> runSettings(
      Path root,
      Optional<YamlNode.Mapping> mapping,
      Origin near,
      String prefix,
      String block,
      ValueResolver resolver) {
    YamlNode.Mapping given = mapping.orElse(YamlNode.Mapping.empty(near));
    Map<String, ConfigValue> values = resolver.block(prefix, given, RunSettings.ALL);
    Settings.validate(
        block, given.origin(), root, RunSettings.ALL, values, resolver.secretValues());
    return new LinkedHashMap<>(values);
  }
}
