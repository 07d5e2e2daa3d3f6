package dev.hygge.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts the hygge CLI as a separate JVM on the test classpath, as a user's shell would. */
public final class HyggeProcess {
  private HyggeProcess() {}

  /** Starts {@code hygge ARGS} with extra environment variables; output goes to {@code log}. */
  public static Process start(Map<String, String> env, Path log, String... args)
      throws IOException {
    return start(env, Map.of(), log, args);
  }

  /**
   * Starts {@code hygge ARGS} with extra environment variables and JVM system properties; output
   * goes to {@code log}.
   */
  public static Process start(
      Map<String, String> env, Map<String, String> properties, Path log, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    return builder.redirectOutput(log.toFile()).start();
  }
}
