package dev.hygge.cli;

import dev.hygge.HyggeException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hygge init NAME}: scaffolds a project with a working example flow and sample data. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Create a new project NAME with a working example flow (CSV landing zone -> Parquet lake)",
      "and a little sample data. Then: cd NAME && hygge go"
    })
final class InitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "NAME",
      description = "Project directory to create; its last part is the project name.")
  String name;

  @Option(
      names = "--flows-dir",
      paramLabel = "DIR",
      defaultValue = "flows",
      description = "Directory for flow definitions. Default: ${DEFAULT-VALUE}.")
  String flowsDir;

  @Option(names = "--force", description = "Write into DIR even if it already has files.")
  boolean force;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path dir = Path.of(name).toAbsolutePath().normalize();
    String projectName = dir.getFileName() == null ? "" : dir.getFileName().toString();
    if (!projectName.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
      throw HyggeException.config(
          "Project name '"
              + projectName
              + "' may only use letters, digits, '_', '.' and '-', and must start with a letter"
              + " or digit.");
    }
    try {
      if (Files.isDirectory(dir) && !isEmpty(dir) && !force) {
        throw HyggeException.config(
            "Directory "
                + dir
                + " already exists and is not empty. Choose another name, or use --force to"
                + " write the example project into it (existing files with the same names are"
                + " overwritten).");
      }
      new ProjectScaffold(dir, projectName, flowsDir).write();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create project in " + dir, e);
    }
    out.printf("Created project %s in %s%n", dir.getFileName(), dir);
    out.printf("  hygge.yml, %s/example/flow.yml and two entities, sample CSV files%n", flowsDir);
    out.printf("Next: cd %s && hygge go%n", name);
    out.flush();
    return ExitCodes.OK;
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.findAny().isEmpty();
    }
  }
}
