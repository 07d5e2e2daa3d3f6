package dev.hygge.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A command-line validator (cfn-lint, sam, terraform) run in its own process. It is found through
 * an environment variable or a default path that {@code .ci/run} installs to; when neither holds an
 * executable, {@link #find} fails saying how to install it.
 */
record ExternalTool(Path executable) {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  /** What a run printed (stdout and stderr together) and its exit code. */
  record Result(int exitCode, String output) {}

  /**
   * The executable named by {@code variable} (a file, or with {@code relative} a directory it is
   * resolved in), else {@code fallback}.
   *
   * @throws IllegalStateException when neither is executable, naming how to install it
   */
  static ExternalTool find(String variable, String relative, Path fallback, String install) {
    Optional<Path> given =
        Optional.ofNullable(System.getenv(variable))
            .map(Path::of)
            .map(p -> relative.isEmpty() ? p : p.resolve(relative));
    Path candidate = given.orElse(fallback);
    if (Files.isExecutable(candidate)) {
      return new ExternalTool(candidate);
    }
    throw new IllegalStateException(
        candidate
            + " is not installed"
            + given.map(p -> " (from " + variable + ")").orElse("")
            + ". Install it with: "
            + install
            + " (as .ci/run does), or set "
            + variable
            + ".");
  }

  /** Runs the tool in a directory with extra environment variables and waits for it to end. */
  Result run(Path directory, Map<String, String> environment, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(List.of(arguments));
    Path output = Files.createTempFile("hygge-deploy-tool-", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        throw new IllegalStateException(
            String.join(" ", command) + " did not finish within " + TIMEOUT);
      }
      return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
