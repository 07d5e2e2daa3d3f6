package dev.hygge.invoke.fanout;

import dev.hygge.config.Project;
import dev.hygge.config.ProjectLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/** A project with one flow, {@code sales}, of many CSV-to-Parquet entities, for fan-out tests. */
final class FanOutProject {
  private FanOutProject() {}

  /** The entity names {@code e01}..{@code eNN}. */
  static List<String> entities(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> String.format("e%02d", i)).toList();
  }

  /** Writes and loads a project whose flow {@code sales} has these entities. */
  static Project load(Path dir, List<String> entities) throws IOException {
    Files.writeString(
        dir.resolve("hygge.yml"),
        "name: fanout\n"
            + "flows:\n"
            + "  sales:\n"
            + "    home: {type: csv, path: landing}\n"
            + "    store: {type: parquet, path: lake}\n"
            + "    entities: ["
            + String.join(", ", entities)
            + "]\n");
    return ProjectLoader.load(dir);
  }
}
