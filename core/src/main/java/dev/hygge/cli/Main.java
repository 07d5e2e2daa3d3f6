package dev.hygge.cli;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hygge} command line. */
@Command(
    name = "hygge",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Move data comfortably and reliably: entities from a home to a store.",
    subcommands = {
      InitCommand.class,
      GoCommand.class,
      InvokeCommand.class,
      ListCommand.class,
      QuickstartCommand.class,
      DebugCommand.class,
      HistoryCommand.class,
      ResetCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private Main() {}

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (for tests and embedding). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line, with hygge's exit codes and error printing. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("hygge: " + message(e));
          commandLine.getErr().flush();
          if (e instanceof HyggeException h && h.kind() == ErrorKind.CONFIG) {
            return ExitCodes.CONFIG_ERROR;
          }
          return ExitCodes.ENTITY_FAILED;
        });
    cli.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine bad = e.getCommandLine();
          bad.getErr().println("hygge: " + e.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(e, bad.getErr());
          bad.getErr().println("Run '" + bad.getCommandSpec().qualifiedName() + " --help'.");
          bad.getErr().flush();
          return ExitCodes.CONFIG_ERROR;
        });
    return cli;
  }

  private static String message(Exception e) {
    if (e instanceof HyggeException) {
      return e.getMessage();
    }
    return "unexpected error (a bug, please report it): " + e;
  }

  /** Prints the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {
        "hygge " + (version == null ? "(development build)" : version),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")"
      };
    }
  }
}
