package dev.hygge.files;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a file home's {@code path} to the files to read, the same way for every format: a file
 * is itself; a directory gives every {@code *.<extension>} file below it; a glob ({@code *}, {@code
 * ?}, {@code **}, {@code [..]}, {@code {..}}) gives the files matching it under its longest
 * directory prefix without glob characters (a glob whose last part has no extension, such as {@code
 * landing/**}, means files of this format). Files and directories whose names start with {@code _}
 * or {@code .} (staging, markers, metadata) are skipped below a directory or glob. Files come back
 * sorted by path.
 */
public final class LocalFiles {
  private static final String GLOB_CHARACTERS = "*?[{";

  private final String format;
  private final String extension;

  /**
   * @param format the format's name for messages, e.g. {@code Parquet}
   * @param extension the extension without the dot, e.g. {@code parquet}
   */
  public LocalFiles(String format, String extension) {
    this.format = requireNonNull(format, "format is null");
    this.extension = requireNonNull(extension, "extension is null");
  }

  /**
   * The files an entity reads.
   *
   * @param path the resolved file, directory or glob
   * @param written the path as the user wrote it, for messages
   * @param entity the qualified entity name, for messages
   * @throws HyggeException of kind HOME when nothing matches or listing fails
   */
  public List<Path> match(Path path, String written, String entity) {
    List<Path> files;
    try {
      files = isGlob(path) ? glob(path) : plain(path);
    } catch (IOException e) {
      throw HyggeException.home(
          "Cannot read entity " + entity + ": cannot list '" + written + "': " + e, e);
    }
    if (files.isEmpty()) {
      throw new HyggeException(
          ErrorKind.HOME,
          "Cannot read entity "
              + entity
              + ": no "
              + format
              + " files match '"
              + written
              + "' (resolved to "
              + path
              + "). Check 'path:' of the home: it takes a file, a directory of *."
              + extension
              + " files or a glob such as landing/orders/*."
              + extension
              + ".");
    }
    return files;
  }

  private List<Path> plain(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      return walk(path, path.getFileSystem().getPathMatcher("glob:**." + extension));
    }
    return Files.isRegularFile(path) ? List.of(path) : List.of();
  }

  private static boolean isGlob(Path path) {
    String text = path.toString();
    return GLOB_CHARACTERS.chars().anyMatch(c -> text.indexOf(c) >= 0);
  }

  /**
   * The part of a path before its first glob character: the path itself when it has none, else the
   * directory a glob is matched under. Relative and without a fixed part, it is {@code .}.
   */
  public static Path fixedPrefix(Path pattern) {
    Path base = pattern.getRoot();
    for (Path part : pattern) {
      if (isGlob(part)) {
        break;
      }
      base = base == null ? part : base.resolve(part);
    }
    return base == null ? Path.of(".") : base;
  }

  private List<Path> glob(Path pattern) throws IOException {
    Path base = fixedPrefix(pattern);
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    Path rest = base.equals(Path.of(".")) ? pattern : base.relativize(pattern);
    PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + rest);
    // A glob whose last part names no extension (landing/** or landing/*) means this format.
    if (rest.getFileName().toString().contains(".")) {
      return walk(base, glob);
    }
    return walk(
        base,
        file -> glob.matches(file) && file.getFileName().toString().endsWith("." + extension));
  }

  private static List<Path> walk(Path base, PathMatcher matcher) throws IOException {
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(
        base,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            return !dir.equals(base) && hidden(dir)
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (attributes.isRegularFile()
                && !hidden(file)
                && matcher.matches(base.relativize(file))) {
              files.add(file);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort(null);
    return files;
  }

  private static boolean hidden(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    return name.startsWith("_") || name.startsWith(".");
  }
}
