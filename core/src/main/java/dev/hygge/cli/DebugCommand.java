package dev.hygge.cli;

import dev.hygge.config.ConfigValue;
import dev.hygge.config.EntityConfig;
import dev.hygge.config.Project;
import dev.hygge.config.Setting;
import dev.hygge.config.SettingType;
import dev.hygge.config.Settings;
import dev.hygge.files.LocalFiles;
import dev.hygge.storage.AccessCheck;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hygge debug}: validates the configuration, prints every entity's resolved settings (with
 * secrets masked) and checks that homes exist and stores can be written.
 */
@Command(
    name = "debug",
    mixinStandardHelpOptions = true,
    description = {
      "Validate the configuration, print resolved settings (secrets masked) and check paths.",
      "Exit codes: 0 all checks passed, 1 a check failed, 2 configuration error."
    })
final class DebugCommand implements Callable<Integer> {
  private static final Pattern SECRET =
      Pattern.compile("(?i).*(password|secret|token|key|credential|sas).*");
  private static final String MASK = "********";

  /** The key that names a credential defined under credentials:; the name is no secret. */
  private static final String CREDENTIAL_NAME = "credential";

  /** Keys whose names look secret but whose values are names or paths, shown as they are. */
  private static final java.util.Set<String> NOT_SECRET =
      java.util.Set.of(CREDENTIAL_NAME, "primary_key", "key_file");

  /** A secret written inside a value, e.g. {@code jdbc:postgresql://h/db?password=x}. */
  private static final Pattern INLINE_SECRET =
      Pattern.compile("(?i)\\b(password|secret|token|sig|key)=[^&;\\s]*");

  @Spec CommandSpec spec;
  @Mixin ProjectOption project;

  @Option(
      names = "--entity",
      paramLabel = "FLOW.ENTITY",
      description = "Only this entity (flow.entity).")
  String entity;

  @Option(
      names = "--credentials",
      description =
          "Also make one real, read-only request with each named credential where it is used"
              + " (object metadata of each home's and store's path) and report the outcome.")
  boolean credentials;

  @Override
  public Integer call() {
    Logging.configure(false);
    PrintWriter out = spec.commandLine().getOut();
    Project loaded = project.load();
    out.printf(
        "Project %s at %s: configuration is valid (%d flows).%n",
        loaded.name(), loaded.root(), loaded.flows().size());
    out.printf(
        "options: concurrency=%d continue_on_error=%s log_level=%s secret_timeout=%ds%n",
        loaded.options().concurrency(),
        loaded.options().continueOnError(),
        loaded.options().logLevel(),
        loaded.options().secretTimeout().toSeconds());
    boolean ok = true;
    List<EntityConfig> entities =
        loaded.flows().stream().flatMap(f -> f.entities().stream()).toList();
    boolean found = false;
    for (EntityConfig e : entities) {
      if (entity != null && !e.qualifiedName().equals(entity)) {
        continue;
      }
      found = true;
      out.printf("%n%s  (declared at %s)%n", e.qualifiedName(), e.origin());
      out.printf(
          "  run_type: %s  batch_size: %d  queue_depth: %d  columns: %s%n",
          e.runType().word(),
          e.batchSize(),
          e.queueDepth(),
          e.columns().isEmpty() ? "all" : String.join(", ", e.columns()));
      out.printf("  home: %s%n", e.homeType());
      printSettings(e.homeSettings(), out);
      ok &= checkPaths(e.homeSettings(), Direction.READ, out);
      out.printf("  store: %s%n", e.storeType());
      printSettings(e.storeSettings(), out);
      ok &= checkPaths(e.storeSettings(), Direction.WRITE, out);
    }
    if (entity != null && !found) {
      throw dev.hygge.HyggeException.config(
          "No entity named '" + entity + "'. Run 'hygge list entities' to see them.");
    }
    if (credentials) {
      ok &= new CredentialTable(out).print(AccessCheck.run(loaded));
    }
    out.println();
    out.println(ok ? "All checks passed." : "Some checks failed (see above).");
    out.flush();
    return ok ? ExitCodes.OK : ExitCodes.ENTITY_FAILED;
  }

  private static void printSettings(Settings settings, PrintWriter out) {
    for (Setting s : settings.declared()) {
      ConfigValue given = settings.values().get(s.name());
      String shown;
      String source;
      if (given != null) {
        // A value from a secret manager is masked whatever its key is called.
        shown =
            SECRET.matcher(s.name()).matches() && !NOT_SECRET.contains(s.name())
                ? MASK
                : settings.maskSecrets(
                    INLINE_SECRET.matcher(String.valueOf(given.value())).replaceAll("$1=" + MASK));
        source = given.origin().toString();
      } else if (s.defaultValue().isPresent()) {
        shown = s.defaultValue().get();
        source = "default";
      } else {
        continue;
      }
      out.printf("    %s: %s  (%s)%n", s.name(), shown, source);
    }
  }

  /** Whether a path is read from (must exist) or written to (an ancestor must be writable). */
  private enum Direction {
    READ,
    WRITE
  }

  private static boolean checkPaths(Settings settings, Direction direction, PrintWriter out) {
    boolean ok = true;
    for (Setting s : settings.declared()) {
      boolean location = s.type() == SettingType.LOCATION;
      if ((s.type() != SettingType.PATH && !location)
          || settings.optionalString(s.name()).isEmpty()) {
        continue;
      }
      String text = settings.string(s.name());
      if (text.startsWith(dev.hygge.jdbc.duckdb.MotherDuckDatabase.PREFIX)) {
        out.printf(
            "    check %s: %s is a MotherDuck database (reached with its token when a flow runs)%n",
            s.name(), text);
        continue;
      }
      if (location && !settings.location(s.name()).isLocal()) {
        out.printf(
            "    check %s: %s is in object storage (hygge debug --credentials reaches it)%n",
            s.name(), text);
        continue;
      }
      Path path = settings.path(s.name());
      Path fixed = LocalFiles.fixedPrefix(path);
      if (direction == Direction.READ) {
        boolean exists = Files.exists(fixed);
        out.printf(
            "    check %s: %s %s%n",
            s.name(),
            exists ? "ok," : "MISSING,",
            settings.maskSecrets(exists ? fixed + " exists" : fixed.toString()));
        ok &= exists;
      } else {
        Path existing = fixed;
        while (existing != null && !Files.exists(existing)) {
          existing = existing.getParent();
        }
        boolean writable = existing != null && Files.isWritable(existing);
        out.printf(
            "    check %s: %s %s%n",
            s.name(),
            writable ? "ok," : "NOT WRITABLE,",
            settings.maskSecrets(
                writable ? "can write under " + existing : "cannot write " + text));
        ok &= writable;
      }
    }
    return ok;
  }
}
