package dev.hygge.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** A project written file by file into a temporary directory, then loaded with the test types. */
final class ProjectDirectory {
  private final Path root;

  ProjectDirectory(Path root) {
    this.root = root;
  }

  ProjectDirectory file(String relative, String... lines) {
    Path file = root.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, String.join("\n", lines) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  ProjectDirectory dir(String relative) {
    try {
      Files.createDirectories(root.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  Path root() {
    return root;
  }

  Project load() {
    return load(LoadOptions.defaults());
  }

  Project load(LoadOptions options) {
    return ProjectLoader.load(root, options, TestTypes.registry());
  }

  Project loadWithProperties(Map<String, String> properties) {
    return load(new LoadOptions(Optional.empty(), Map.of(), properties));
  }

  Project loadWithVars(Map<String, String> vars) {
    return load(new LoadOptions(Optional.empty(), vars, Map.of()));
  }

  Project loadWithProfile(String profile) {
    return load(new LoadOptions(Optional.of(profile), Map.of(), Map.of()));
  }
}
