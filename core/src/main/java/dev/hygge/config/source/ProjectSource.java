package dev.hygge.config.source;

import dev.hygge.config.LoadOptions;
import dev.hygge.config.Project;
import dev.hygge.config.ProjectLoader;
import dev.hygge.flow.Registry;
import java.nio.file.Path;

/**
 * Where a function's project comes from ({@code HYGGE_PROJECT}): a local directory, or an
 * object-storage prefix whose files are fetched into a local directory first.
 */
public sealed interface ProjectSource permits LocalProjectSource, ObjectStorageProjectSource {
  /** The project's location as configured, for messages. */
  String describe();

  /**
   * The local directory holding the project's files, fetched first when they are remote and not
   * fetched yet or changed.
   *
   * @throws dev.hygge.HyggeException of kind CONFIG naming the location when it holds no {@code
   *     hygge.yml} or cannot be read
   */
  Path directory();

  /**
   * Loads the project from {@link #directory()}.
   *
   * @throws dev.hygge.HyggeException as {@link #directory()} and {@link ProjectLoader#load(Path,
   *     LoadOptions, Registry)}
   */
  default Project load(LoadOptions options, Registry registry) {
    return ProjectLoader.load(directory(), options, registry);
  }

  /** Loads the project with the default options and the built-in types. */
  default Project load() {
    return load(LoadOptions.defaults(), Registry.standard());
  }
}
