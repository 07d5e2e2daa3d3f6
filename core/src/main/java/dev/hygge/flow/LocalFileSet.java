package dev.hygge.flow;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * Whole local files a reader would read, in order, in a format a store's engine may read itself.
 *
 * @param format how the files are encoded
 * @param paths the files, each read whole; never empty
 * @param bytes the files' total size
 */
public record LocalFileSet(Format format, List<Path> paths, long bytes) {
  public LocalFileSet {
    requireNonNull(format, "format is null");
    paths = List.copyOf(requireNonNull(paths, "paths is null"));
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("paths is empty");
    }
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must not be negative: " + bytes);
    }
  }

  /** The encodings a store may read itself. */
  public enum Format {
    PARQUET
  }
}
