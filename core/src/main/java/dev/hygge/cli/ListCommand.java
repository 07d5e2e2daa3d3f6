package dev.hygge.cli;

import dev.hygge.config.EntityConfig;
import dev.hygge.config.FlowConfig;
import dev.hygge.config.Project;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hygge list flows|entities}. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the project's flows, or its entities (flow.entity).")
final class ListCommand implements Callable<Integer> {
  /** What to list. */
  enum What {
    flows,
    entities
  }

  @Spec CommandSpec spec;
  @Mixin ProjectOption project;

  @Parameters(
      index = "0",
      defaultValue = "flows",
      paramLabel = "flows|entities",
      description = "What to list: ${COMPLETION-CANDIDATES}. Default: flows.")
  What what;

  @Option(names = "--flow", paramLabel = "FLOW", description = "Only this flow's entities.")
  String flow;

  @Override
  public Integer call() {
    Logging.configure(false);
    PrintWriter out = spec.commandLine().getOut();
    Project loaded = project.load();
    for (FlowConfig f : loaded.flows()) {
      if (flow != null && !f.name().equals(flow)) {
        continue;
      }
      if (what == What.flows) {
        EntityConfig first = f.entities().get(0);
        out.printf(
            "%s  (%d %s, %s -> %s, %s)%n",
            f.name(),
            f.entities().size(),
            f.entities().size() == 1 ? "entity" : "entities",
            first.homeType(),
            first.storeType(),
            f.origin());
      } else {
        for (EntityConfig e : f.entities()) {
          out.printf(
              "%s  (%s -> %s, %s)%n",
              e.qualifiedName(), e.home().describe(), e.store().describe(), e.runType().word());
        }
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
