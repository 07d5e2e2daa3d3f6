package dev.hygge.csv;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Resolves a CSV home's {@code path} to the files to read: a file is itself; a directory gives its
 * {@code *.csv} files; a glob ({@code *}, {@code ?}, {@code **}, {@code [..]}, {@code {..}}) gives
 * the matching files under the longest directory prefix without glob characters. Names starting
 * with {@code _} or {@code .} are skipped in directories and globs. The result is sorted by path.
 */
final class CsvSourceFiles {
  private static final String CSV_EXTENSION = ".csv";
  private static final String GLOB_CHARACTERS = "*?[{";

  private CsvSourceFiles() {}

  /**
   * Finds the files.
   *
   * @param pattern the path as the user wrote it
   * @param baseDir the directory a relative pattern resolves against
   * @param entity the qualified entity name, for messages
   * @throws HyggeException of kind HOME when nothing matches or the directory cannot be listed
   */
  static List<Path> find(String pattern, Path baseDir, String entity) {
    List<Path> files;
    try {
      files = match(pattern, baseDir);
    } catch (IOException | UncheckedIOException e) {
      throw HyggeException.home(
          "Cannot read entity " + entity + ": cannot list csv path '" + pattern + "': " + e, e);
    }
    if (files.isEmpty()) {
      throw new HyggeException(
          ErrorKind.HOME,
          "Cannot read entity "
              + entity
              + ": no CSV files match path '"
              + pattern
              + "' (resolved against "
              + baseDir
              + "); check 'path:' and that the files exist");
    }
    return files;
  }

  private static List<Path> match(String pattern, Path baseDir) throws IOException {
    String normalized = pattern.replace('\\', '/');
    int firstGlob = indexOfGlob(normalized);
    if (firstGlob < 0) {
      Path path = baseDir.resolve(pattern).normalize();
      if (Files.isRegularFile(path)) {
        return List.of(path);
      }
      if (Files.isDirectory(path)) {
        try (Stream<Path> children = Files.list(path)) {
          return children
              .filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().endsWith(CSV_EXTENSION))
              .filter(CsvSourceFiles::visible)
              .sorted(Comparator.comparing(Path::toString))
              .toList();
        }
      }
      return List.of();
    }
    int lastSlash = normalized.lastIndexOf('/', firstGlob);
    String prefix = lastSlash < 0 ? "" : normalized.substring(0, lastSlash);
    String glob = normalized.substring(lastSlash + 1);
    Path root = baseDir.resolve(prefix).normalize();
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    List<Path> files = new ArrayList<>();
    try (Stream<Path> all = Files.walk(root)) {
      all.filter(Files::isRegularFile)
          .filter(CsvSourceFiles::visible)
          .filter(p -> matcher.matches(root.relativize(p)))
          .forEach(files::add);
    }
    files.sort(Comparator.comparing(Path::toString));
    return files;
  }

  private static boolean visible(Path file) {
    String name = file.getFileName().toString();
    return !name.startsWith("_") && !name.startsWith(".");
  }

  private static int indexOfGlob(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      if (GLOB_CHARACTERS.indexOf(pattern.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
