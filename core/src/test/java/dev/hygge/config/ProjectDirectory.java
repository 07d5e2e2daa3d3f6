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

  /**
   * A project with flow {@code sales}: a {@code files} home and a {@code lake} store with these
   * lines.
   */
  ProjectDirectory salesFlow(String... storeLines) {
    String[] lines = new String[storeLines.length + 3];
    lines[0] = "home: {type: files, path: in}";
    lines[1] = "store:";
    lines[2] = "  type: lake";
    System.arraycopy(storeLines, 0, lines, 3, storeLines.length);
    return file("hygge.yml", "name: shop").file("flows/sales/flow.yml", lines);
  }
}
