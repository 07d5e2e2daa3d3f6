package dev.hygge.cli;

import dev.hygge.HyggeException;
import dev.hygge.config.Project;
import dev.hygge.invoke.Invocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hygge quickstart}: makes the example project's sample landing zone (once, deterministic)
 * and runs the project, so a new user sees hygge move a few million rows with nothing installed.
 */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    description = {
      "Generate the sample landing zone of a quickstart project (first time only) and run it.",
      "Default project: examples/quickstart. Exit codes as for 'hygge go'."
    })
final class QuickstartCommand implements Callable<Integer> {
  private static final String MARKER = ".sample";

  @Spec CommandSpec spec;
  @Mixin ProjectOption project;

  @Option(
      names = "--rows",
      paramLabel = "N",
      defaultValue = "2000000",
      description = "Orders to generate; other entities scale from it. Default: ${DEFAULT-VALUE}.")
  long rows;

  @Override
  public Integer call() {
    Logging.configure(false);
    PrintWriter out = spec.commandLine().getOut();
    if (project.project == null) {
      project.project = Path.of("examples", "quickstart");
    }
    if (rows <= 0) {
      throw HyggeException.config("--rows must be at least 1, got " + rows);
    }
    Path root = project.directory();
    if (!Files.isRegularFile(root.resolve("hygge.yml"))) {
      throw HyggeException.config(
          "No quickstart project at "
              + root
              + " (hygge.yml missing). Run this from the hygge repository root, or pass"
              + " --project DIR; to start a project of your own, use 'hygge init NAME'.");
    }
    Path landing = root.resolve("landing_zone");
    SampleLandingZone sample = new SampleLandingZone(landing, rows);
    ensureSample(landing, sample, out);
    Project loaded = project.load();
    return GoCommand.run(loaded, Invocation.Manual.all(), false, out);
  }

  private void ensureSample(Path landing, SampleLandingZone sample, PrintWriter out) {
    Path marker = landing.resolve(MARKER);
    String expected = "orders=" + rows;
    try {
      if (Files.isRegularFile(marker)
          && Files.readString(marker, StandardCharsets.UTF_8).equals(expected)) {
        out.printf("Sample landing zone ready in %s%n", landing);
        return;
      }
      out.printf(
          "Generating the sample landing zone in %s (%s rows, first run only)...%n",
          landing, Numbers.count(sample.totalRows()));
      out.flush();
      Files.deleteIfExists(marker);
      sample.write();
      Files.writeString(marker, expected, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the sample landing zone " + landing, e);
    }
  }
}
