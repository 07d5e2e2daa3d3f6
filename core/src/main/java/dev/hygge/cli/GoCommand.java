package dev.hygge.cli;

import dev.hygge.config.EntityConfig;
import dev.hygge.config.Project;
import dev.hygge.config.RunType;
import dev.hygge.invoke.FlowInvoker;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.RunReport;
import dev.hygge.state.StatePreview;
import dev.hygge.state.StateStore;
import dev.hygge.state.StateStores;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hygge go}: runs flows. */
@Command(
    name = "go",
    aliases = "start",
    mixinStandardHelpOptions = true,
    description = {
      "Run the project's flows (all of them, or those selected).",
      "Exit codes: 0 all entities passed, 1 an entity failed, 2 configuration error."
    })
final class GoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ProjectOption project;

  @Option(
      names = "--flow",
      split = ",",
      paramLabel = "FLOW",
      description = "Run only these flows (comma-separated or repeated).")
  List<String> flows = new ArrayList<>();

  @Option(
      names = "--entity",
      split = ",",
      paramLabel = "FLOW.ENTITY",
      description = "Run only these entities, written flow.entity (comma-separated or repeated).")
  List<String> entities = new ArrayList<>();

  @ArgGroup(exclusive = true)
  RunTypeOverride runType;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description = "How many entities run at once. Default: options.concurrency.")
  Integer concurrency;

  @Option(
      names = "--dry-run",
      description = "Show what would run (each entity, home -> store, run type) and move nothing.")
  boolean dryRun;

  @Option(names = "--verbose", description = "Log debug detail.")
  boolean verbose;

  /** {@code --incremental}, {@code --full-drop} or {@code --full-refresh}. */
  static final class RunTypeOverride {
    @Option(names = "--incremental", description = "Run every selected entity incrementally.")
    boolean incremental;

    @Option(
        names = "--full-drop",
        description = "Reload every selected entity, replacing what the store has.")
    boolean fullDrop;

    @Option(
        names = "--full-refresh",
        description =
            "Ignore watermarks and file journals for this run: reload every selected entity,"
                + " replace what the store has, and restart the watermark from what was loaded.")
    boolean fullRefresh;

    RunType runType() {
      return incremental ? RunType.INCREMENTAL : RunType.FULL_DROP;
    }
  }

  @Override
  public Integer call() {
    Logging.configure(verbose);
    PrintWriter out = spec.commandLine().getOut();
    Project loaded = project.load();
    Logging.projectLevel(loaded.options().logLevel(), verbose);
    if (concurrency != null && concurrency <= 0) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--concurrency must be at least 1, got " + concurrency);
    }
    Invocation.Manual invocation =
        new Invocation.Manual(
            flows,
            entities,
            new Invocation.RunOptions(
                Optional.ofNullable(runType).map(RunTypeOverride::runType),
                concurrency == null ? OptionalInt.empty() : OptionalInt.of(concurrency)));
    return run(loaded, invocation, dryRun, out);
  }

  /**
   * Runs (or previews) an invocation and prints progress and the summary; returns the exit code.
   */
  static int run(Project loaded, Invocation invocation, boolean preview, PrintWriter out) {
    FlowInvoker invoker = new FlowInvoker(loaded);
    List<EntityConfig> selected = invoker.select(invocation);
    if (preview) {
      printPlan(loaded, selected, invocation, out);
      return ExitCodes.OK;
    }
    out.printf(
        "hygge: running %d %s of project %s%n",
        selected.size(), selected.size() == 1 ? "entity" : "entities", loaded.name());
    out.flush();
    RunReport report;
    try (ConsoleReporter reporter =
        new ConsoleReporter(out, ConsoleReporter.Display.detect(), selected.size())) {
      report = invoker.invoke(invocation, reporter);
    }
    SummaryTable.print(report, out);
    return report.succeeded() ? ExitCodes.OK : ExitCodes.ENTITY_FAILED;
  }

  private static void printPlan(
      Project loaded, List<EntityConfig> selected, Invocation invocation, PrintWriter out) {
    out.printf("Dry run of project %s: nothing will be moved.%n", loaded.name());
    try (StateStore state = StateStores.open(loaded.state())) {
      for (EntityConfig e : selected) {
        RunType type = invocation.options().runType().orElse(e.runType());
        String reads = StatePreview.describe(e, type, state).map(p -> ", " + p).orElse("");
        out.printf(
            "  %s: %s -> %s (%s%s)%n",
            e.qualifiedName(), e.home().describe(), e.store().describe(), type.word(), reads);
      }
    }
    out.printf("%d %s selected.%n", selected.size(), selected.size() == 1 ? "entity" : "entities");
    out.flush();
  }
}
