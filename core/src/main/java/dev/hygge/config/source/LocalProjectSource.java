package dev.hygge.config.source;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A project in a local directory, used as it is.
 *
 * @param dir the directory holding {@code hygge.yml}
 */
public record LocalProjectSource(Path dir) implements ProjectSource {
  public LocalProjectSource {
    requireNonNull(dir, "dir is null");
  }

  @Override
  public String describe() {
    return dir.toString();
  }

  @Override
  public Path directory() {
    return dir;
  }
}
