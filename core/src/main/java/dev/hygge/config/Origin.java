package dev.hygge.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Where a configuration value was written, for error messages: a file and line, or a non-file
 * source such as an environment variable or a command-line {@code --var}.
 *
 * @param source a file path relative to the project, or a description such as {@code --var}
 * @param line 1-based line, or 0 when the source has no lines
 */
public record Origin(String source, int line) {
  public Origin {
    requireNonNull(source, "source is null");
  }

  public static Origin of(Path file, int line) {
    return new Origin(file.toString(), line);
  }

  @Override
  public String toString() {
    return line > 0 ? source + ":" + line : source;
  }
}
