package dev.hygge.cli;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.EntityConfig;
import dev.hygge.config.Project;
import dev.hygge.invoke.FlowInvoker;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.RunIds;
import dev.hygge.state.EntityKey;
import dev.hygge.state.Lease;
import dev.hygge.state.RunJournal;
import dev.hygge.state.RunJournals;
import dev.hygge.state.RunRecord;
import dev.hygge.state.StateStore;
import dev.hygge.state.StateStores;
import dev.hygge.state.StateVersion;
import dev.hygge.state.VersionedState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hygge reset}: forgets entities' watermarks and file journals, on purpose. */
@Command(
    name = "reset",
    mixinStandardHelpOptions = true,
    description = {
      "Forget the state of entities (watermark, loaded-file journal), so their next run starts"
          + " again from watermark_initial and loads every file.",
      "Asks for confirmation unless --yes is given."
    })
final class ResetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ProjectOption project;

  @Option(
      names = "--flow",
      split = ",",
      paramLabel = "FLOW",
      description = "Reset every entity of these flows.")
  List<String> flows = new ArrayList<>();

  @Option(
      names = "--entity",
      split = ",",
      paramLabel = "FLOW.ENTITY",
      description = "Reset these entities, written flow.entity.")
  List<String> entities = new ArrayList<>();

  @Option(names = "--yes", description = "Do not ask for confirmation (for scripts).")
  boolean yes;

  /** One entity whose state would be forgotten. */
  private record Target(
      EntityKey key, StateVersion version, String summary, Optional<String> watermark) {}

  @Override
  public Integer call() throws IOException {
    Logging.configure(false);
    if (flows.isEmpty() && entities.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "Name what to reset: --flow FLOW or --entity FLOW.ENTITY.");
    }
    PrintWriter out = spec.commandLine().getOut();
    Project loaded = project.load();
    try (StateStore store = StateStores.open(loaded.state())) {
      return reset(loaded, store, out);
    }
  }

  private int reset(Project loaded, StateStore store, PrintWriter out) throws IOException {
    List<EntityConfig> selected =
        new FlowInvoker(loaded)
            .select(new Invocation.Manual(flows, entities, Invocation.RunOptions.defaults()));
    List<Target> targets = new ArrayList<>();
    for (EntityConfig entity : selected) {
      EntityKey key = new EntityKey(entity.flow(), entity.name());
      Optional<StateVersion> version = store.versionForReset(key);
      if (version.isPresent()) {
        targets.add(new Target(key, version.get(), summary(store, key), watermark(store, key)));
      }
    }
    if (targets.isEmpty()) {
      out.println("Nothing to reset: the selected entities have no state.");
      out.flush();
      return ExitCodes.OK;
    }
    out.println("This forgets the state of:");
    targets.forEach(t -> out.println("  " + t.key() + "  (" + t.summary() + ")"));
    out.println("Their next runs start again from watermark_initial and load every file.");
    out.flush();
    if (!yes && !confirmed(out)) {
      out.println("Nothing was reset.");
      out.flush();
      return ExitCodes.ENTITY_FAILED;
    }
    try (RunJournal history = RunJournals.open(loaded.state())) {
      for (Target target : targets) {
        store.delete(target.key(), target.version());
        Instant now = Instant.now();
        history.append(RunRecord.reset(RunIds.next(now), target.key(), now, target.watermark()));
        out.println("Reset " + target.key() + ".");
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** The watermark a reset forgets, for the run history; empty when there is none or unreadable. */
  private static Optional<String> watermark(StateStore store, EntityKey key) {
    try {
      return store.read(key).flatMap(s -> s.state().watermark()).map(Object::toString);
    } catch (HyggeException e) {
      return Optional.empty();
    }
  }

  /**
   * What the entity's state holds, for the confirmation.
   *
   * @throws HyggeException of kind STATE when a run holds the entity's lease
   */
  private static String summary(StateStore store, EntityKey key) {
    Optional<VersionedState> state;
    try {
      state = store.read(key);
    } catch (HyggeException e) {
      return "unreadable state: " + e.getMessage();
    }
    if (state.isEmpty()) {
      return "no state";
    }
    Optional<Lease> lease = state.get().state().lease().filter(l -> l.heldAt(Instant.now()));
    if (lease.isPresent()) {
      throw new HyggeException(
          ErrorKind.STATE,
          "Cannot reset entity "
              + key
              + ": run "
              + lease.get().runId()
              + " is running it (its lease expires at "
              + lease.get().expires()
              + "). Wait for it to finish, then reset.");
    }
    String watermark =
        state.get().state().watermark().map(w -> "watermark " + w).orElse("no watermark");
    int files = state.get().state().journal().entries().size();
    return watermark + ", " + files + " loaded " + (files == 1 ? "file" : "files");
  }

  private static boolean confirmed(PrintWriter out) throws IOException {
    out.print("Reset? [y/N] ");
    out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
    String answer = in.readLine();
    return answer != null && List.of("y", "yes").contains(answer.trim().toLowerCase(Locale.ROOT));
  }
}
