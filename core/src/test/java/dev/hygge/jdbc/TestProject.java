package dev.hygge.jdbc;

import dev.hygge.config.Project;
import dev.hygge.config.ProjectLoader;
import dev.hygge.invoke.FlowInvoker;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the small hygge projects the database tests load and run. */
final class TestProject {
  private TestProject() {}

  /** Writes {@code hygge.yml} with one flow {@code sales.orders} and these blocks, and loads it. */
  static Project load(Path project, String home, String store) throws IOException {
    Files.writeString(
        project.resolve("hygge.yml"),
        """
        name: shop
        flows:
          sales:
            home:
        %s
            store:
        %s
            entities: [orders]
        """
            .formatted(home.indent(6).stripTrailing(), store.indent(6).stripTrailing()));
    return ProjectLoader.load(project);
  }

  /** Writes {@code hygge.yml} and runs every entity of the project. */
  static RunReport run(Path project, String yml) throws IOException {
    Files.writeString(project.resolve("hygge.yml"), yml);
    return new FlowInvoker(ProjectLoader.load(project)).invoke(Invocation.Manual.all());
  }

  /** Writes a CSV file into {@code landing/<entity>/}. */
  static void csv(Path project, String entity, String file, String text) throws IOException {
    Path directory = Files.createDirectories(project.resolve("landing").resolve(entity));
    Files.writeString(directory.resolve(file), text);
  }
}
