package dev.hygge.cli;

import dev.hygge.config.Project;
import dev.hygge.state.RunFilter;
import dev.hygge.state.RunJournal;
import dev.hygge.state.RunJournals;
import dev.hygge.state.RunRecord;
import dev.hygge.state.RunRecordJson;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hygge history}: the run journal, wherever the state keeps it, newest last. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "Show past runs: per entity, status, rows, watermark before and after, error.")
final class HistoryCommand implements Callable<Integer> {
  /** Runs shown when --last is not given. */
  static final int DEFAULT_LAST = 20;

  @Spec CommandSpec spec;
  @Mixin ProjectOption project;

  @Option(names = "--flow", paramLabel = "FLOW", description = "Only this flow's entities.")
  String flow;

  @Option(names = "--entity", paramLabel = "FLOW.ENTITY", description = "Only this entity.")
  String entity;

  @Option(
      names = "--last",
      paramLabel = "N",
      description = "Show the last N entity runs. Default: " + DEFAULT_LAST + ".")
  int last = DEFAULT_LAST;

  @Option(names = "--json", description = "Print a JSON array of run records, for machines.")
  boolean json;

  @Override
  public Integer call() {
    Logging.configure(false);
    if (last <= 0) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--last must be at least 1, got " + last);
    }
    Project loaded = project.load();
    PrintWriter out = spec.commandLine().getOut();
    RunFilter filter = new RunFilter(Optional.ofNullable(flow), Optional.ofNullable(entity));
    try (RunJournal journal = RunJournals.open(loaded.state())) {
      List<RunRecord> shown = journal.last(last, filter);
      if (json) {
        out.println("[");
        for (int i = 0; i < shown.size(); i++) {
          out.println(
              "  " + RunRecordJson.encode(shown.get(i)) + (i < shown.size() - 1 ? "," : ""));
        }
        out.println("]");
      } else if (shown.isEmpty()) {
        out.println("No runs recorded yet in " + journal.describe() + ".");
      } else {
        shown.forEach(r -> out.println(line(r)));
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String line(RunRecord r) {
    StringBuilder text =
        new StringBuilder()
            .append(r.started())
            .append("  ")
            .append(r.runId())
            .append("  ")
            .append(r.qualifiedName())
            .append("  ")
            .append(r.status())
            .append("  ")
            .append(Numbers.count(r.rows()))
            .append(" rows")
            .append("  ")
            .append(Numbers.duration(Duration.between(r.started(), r.ended())));
    if (r.objects() > 0) {
      text.append("  ").append(r.objects()).append(" files");
    }
    if (r.watermarkBefore().isPresent() || r.watermarkAfter().isPresent()) {
      text.append("  watermark ")
          .append(r.watermarkBefore().orElse("(none)"))
          .append(" -> ")
          .append(r.watermarkAfter().orElse("(none)"));
    }
    r.error().ifPresent(e -> text.append("\n    ").append(e));
    return text.toString();
  }
}
