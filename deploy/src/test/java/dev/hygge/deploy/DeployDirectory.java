package dev.hygge.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The {@code deploy/} directory under test, as Maven hands it over ({@code hygge.deploy.dir}). */
final class DeployDirectory {
  static final String PROPERTY = "hygge.deploy.dir";

  private DeployDirectory() {}

  /** The {@code deploy/} directory itself. */
  static Path root() {
    String dir = System.getProperty(PROPERTY);
    if (dir == null) {
      throw new IllegalStateException(
          "System property "
              + PROPERTY
              + " is not set: run these tests through Maven (./mvnw -B -pl deploy test), whose"
              + " surefire configuration sets it to the deploy module's directory.");
    }
    return Path.of(dir);
  }

  /** The repository root (the parent of {@code deploy/}). */
  static Path repository() {
    return root().toAbsolutePath().getParent();
  }

  /** A file or directory under {@code deploy/}. */
  static Path resolve(String relative) {
    return root().resolve(relative);
  }

  /** The text of a file under {@code deploy/}. */
  static String read(String relative) {
    return readFile(resolve(relative));
  }

  /** The text of a file. */
  static String readFile(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /** Every regular file under a directory of {@code deploy/} whose name ends with a suffix. */
  static List<Path> files(String relativeDir, String suffix) {
    try (Stream<Path> walk = Files.walk(resolve(relativeDir))) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + resolve(relativeDir), e);
    }
  }
}
