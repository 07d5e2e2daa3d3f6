package dev.hygge.cli;

import dev.hygge.config.LoadOptions;
import dev.hygge.config.Project;
import dev.hygge.config.ProjectLoader;
import dev.hygge.flow.Registry;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every project command shares: which project, which profile, which overrides. */
final class ProjectOption {
  @Option(
      names = "--project",
      paramLabel = "DIR",
      description = "Project directory (where hygge.yml is). Default: the current directory.")
  Path project;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = "Config profile to activate (%%NAME. keys). Default: $HYGGE_PROFILE.")
  String profile;

  @Option(
      names = "--var",
      paramLabel = "flow.NAME.PATH=VALUE",
      description =
          "Override one setting, e.g. --var flow.sales.store.compression=zstd. Repeatable.")
  Map<String, String> vars = new LinkedHashMap<>();

  /** The project directory, absolute. */
  Path directory() {
    return (project == null ? Path.of(".") : project).toAbsolutePath().normalize();
  }

  /** Loads and validates the project; throws a CONFIG error before any data moves. */
  Project load() {
    return ProjectLoader.load(
        directory(),
        new LoadOptions(Optional.ofNullable(profile), vars, Map.of()),
        Registry.standard());
  }
}
