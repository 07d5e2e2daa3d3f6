package dev.hygge.config;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds and parses the files of a project: {@code hygge.yml}, flow directories, entity files. */
final class ProjectFiles {
  static final String PROJECT_FILE = "hygge.yml";
  static final String FLOW_FILE = "flow.yml";
  static final String ENTITIES_DIR = "entities";

  private final YamlParser parser;
  private final ProfileMerge profiles;

  ProjectFiles(YamlParser parser, ProfileMerge profiles) {
    this.parser = parser;
    this.profiles = profiles;
  }

  /** One flow directory: its {@code flow.yml} and its entity files in file-name order. */
  record FlowDirectory(String dirName, YamlNode.Mapping flowFile, List<EntityFile> entities) {}

  /** One entity file; {@code baseName} is the file name without {@code .yml}. */
  record EntityFile(String baseName, YamlNode.Mapping body) {}

  /**
   * Parses {@code hygge.yml} in the project directory.
   *
   * @throws HyggeException of kind CONFIG when the directory has no {@code hygge.yml}
   */
  static Path projectFile(Path projectDir) {
    Path file = projectDir.resolve(PROJECT_FILE);
    if (!Files.isRegularFile(file)) {
      throw HyggeException.config(
          "No "
              + PROJECT_FILE
              + " in "
              + projectDir.toAbsolutePath().normalize()
              + ". Run 'hygge init NAME' to create a project there, or point hygge at one with"
              + " --project DIR.");
    }
    return file;
  }

  YamlNode.Mapping parse(Path file) {
    return profiles.apply(parser.parse(file));
  }

  /** Parses a file without applying profiles. */
  YamlNode.Mapping parseRaw(Path file) {
    return parser.parse(file);
  }

  /**
   * Reads every flow directory under {@code flowsDir}, in name order. Hidden directories are
   * skipped; plain files beside the flow directories are ignored.
   *
   * @throws HyggeException of kind CONFIG for a flow directory without {@code flow.yml}
   */
  List<FlowDirectory> readFlows(Path flowsDir) {
    List<FlowDirectory> flows = new ArrayList<>();
    for (Path dir : list(flowsDir)) {
      if (!Files.isDirectory(dir) || hidden(dir)) {
        continue;
      }
      Path flowFile = dir.resolve(FLOW_FILE);
      if (!Files.isRegularFile(flowFile)) {
        String shown = parser.displayName(dir);
        throw HyggeException.config(
            "Flow directory "
                + shown
                + " has no "
                + FLOW_FILE
                + ". Add "
                + parser.displayName(flowFile)
                + " with a home: and a store:, or remove the directory.");
      }
      flows.add(
          new FlowDirectory(
              dir.getFileName().toString(),
              parse(flowFile),
              readEntities(dir.resolve(ENTITIES_DIR))));
    }
    return flows;
  }

  private List<EntityFile> readEntities(Path entitiesDir) {
    if (!Files.isDirectory(entitiesDir)) {
      return List.of();
    }
    List<EntityFile> entities = new ArrayList<>();
    for (Path file : list(entitiesDir)) {
      String fileName = file.getFileName().toString();
      int dot = fileName.lastIndexOf('.');
      String extension = dot < 0 ? "" : fileName.substring(dot + 1);
      if (Files.isRegularFile(file)
          && !hidden(file)
          && (extension.equals("yml") || extension.equals("yaml"))) {
        entities.add(new EntityFile(fileName.substring(0, dot), parse(file)));
      }
    }
    return entities;
  }

  private static boolean hidden(Path path) {
    return path.getFileName().toString().startsWith(".");
  }

  private List<Path> list(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      return children.sorted().toList();
    } catch (IOException e) {
      throw new HyggeException(
          ErrorKind.CONFIG, "Cannot list " + parser.displayName(dir) + ": " + e.getMessage(), e);
    }
  }
}
