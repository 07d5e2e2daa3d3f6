package dev.hygge.parquet;

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
 * Resolves a Parquet home's {@code path} to files: a file, a directory (every {@code *.parquet}
 * below it), or a glob such as {@code landing/orders/*.parquet} or {@code landing/**}. Directories
 * and files whose names start with {@code _} or {@code .} (staging, metadata, in-progress files)
 * are skipped. A glob whose last part has no extension ({@code landing/**}) matches only {@code
 * *.parquet} files. Files come back sorted by path.
 */
final class ParquetFiles {
  private static final String EXTENSION = ".parquet";
  private static final String GLOB_CHARACTERS = "*?[{";

  private ParquetFiles() {}

  static List<Path> resolve(Path path) {
    try {
      if (isGlob(path)) {
        return glob(path);
      }
      if (Files.isDirectory(path)) {
        return walk(path, path.getFileSystem().getPathMatcher("glob:**" + EXTENSION));
      }
      return Files.isRegularFile(path) ? List.of(path) : List.of();
    } catch (IOException e) {
      throw HyggeException.home("Cannot list Parquet files at " + path + ": " + e.getMessage(), e);
    }
  }

  /** Names starting with _ or . are staging, metadata or in-progress files, as for Spark/Arrow. */
  private static boolean isHidden(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    return name.startsWith("_") || name.startsWith(".");
  }

  private static boolean isGlob(Path path) {
    String text = path.toString();
    return GLOB_CHARACTERS.chars().anyMatch(c -> text.indexOf(c) >= 0);
  }

  private static List<Path> glob(Path pattern) throws IOException {
    Path base = pattern.getRoot();
    Path rest = null;
    for (Path part : pattern) {
      if (rest == null && !isGlob(part)) {
        base = base == null ? part : base.resolve(part);
      } else {
        rest = rest == null ? part : rest.resolve(part);
      }
    }
    if (base == null || !Files.isDirectory(base)) {
      return List.of();
    }
    PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + rest);
    // A glob whose last part names no extension (landing/** or landing/*) means Parquet files.
    boolean anyExtension = rest.getFileName().toString().contains(".");
    PathMatcher matcher =
        anyExtension
            ? glob
            : file -> glob.matches(file) && file.getFileName().toString().endsWith(EXTENSION);
    return walk(base, matcher);
  }

  private static List<Path> walk(Path base, PathMatcher matcher) throws IOException {
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(
        base,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            boolean skip = !dir.equals(base) && isHidden(dir);
            return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (attributes.isRegularFile()
                && !isHidden(file)
                && matcher.matches(base.relativize(file))) {
              files.add(file);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort(null);
    return files;
  }
}
