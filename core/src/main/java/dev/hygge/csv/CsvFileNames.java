package dev.hygge.csv;

import java.nio.file.Path;

/** Names files in messages relative to the project directory when they are inside it. */
final class CsvFileNames {
  private final Path baseDir;

  CsvFileNames(Path baseDir) {
    this.baseDir = baseDir.toAbsolutePath().normalize();
  }

  /** The file relative to the project directory, or absolute when outside it. */
  String display(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(baseDir)
        ? baseDir.relativize(absolute).toString()
        : absolute.toString();
  }
}
