package dev.hygge.files;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.CommitResult;
import dev.hygge.flow.WriteMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory of data files that changes only by whole commits. New files are written into a
 * staging directory beside it ({@code <parent>/.hygge-staging/<name>/<run id>/}); {@link #publish}
 * first records a {@link PublishPlan}, then renames the staged files in under monotonic
 * sequence-numbered names ({@code part-000001.parquet}) and, for a replace, deletes the previous
 * files only after every new one is in. {@link #recover} completes a publish a crash interrupted
 * and removes staging left by runs that died before committing.
 */
public final class StagedDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(StagedDirectory.class);
  static final String STAGING_DIR = ".hygge-staging";
  private static final int SEQUENCE_DIGITS = 6;

  private final Path finalDir;
  private final String extension;
  private final Pattern partName;

  /**
   * @param finalDir the directory readers see
   * @param extension the data files' extension without the dot, e.g. {@code parquet}
   */
  public StagedDirectory(Path finalDir, String extension) {
    this.finalDir = requireNonNull(finalDir, "finalDir is null").toAbsolutePath().normalize();
    this.extension = requireNonNull(extension, "extension is null");
    this.partName = Pattern.compile("part-(\\d+)\\." + Pattern.quote(extension));
    if (finalDir.getFileName() == null) {
      throw new IllegalArgumentException("final directory cannot be a filesystem root");
    }
  }

  /** The directory readers see. */
  public Path finalDir() {
    return finalDir;
  }

  /** Where this directory's runs stage their files. */
  Path stagingRoot() {
    return finalDir.resolveSibling(STAGING_DIR).resolve(finalDir.getFileName().toString());
  }

  /**
   * Completes publishes that a crash interrupted and deletes staging left by runs that died before
   * committing. Call before staging a new run.
   *
   * @return how many interrupted publishes were completed
   */
  public int recover() {
    Path root = stagingRoot();
    if (!Files.isDirectory(root)) {
      return 0;
    }
    int completed = 0;
    try (DirectoryStream<Path> runs = Files.newDirectoryStream(root)) {
      for (Path run : runs) {
        Path plan = run.resolve(PublishPlan.FILE_NAME);
        if (Files.exists(plan)) {
          LOG.warn("Completing an interrupted publish into {} (staged in {})", finalDir, run);
          carryOut(PublishPlan.read(plan), run);
          completed++;
        } else {
          LOG.info("Removing staging left by a run that did not commit: {}", run);
        }
        deleteTree(run);
      }
    } catch (IOException e) {
      throw failure("Cannot recover staging " + root, e);
    }
    try {
      removeEmptyStagingRoot();
    } catch (IOException e) {
      throw failure("Cannot remove staging directory " + root, e);
    }
    return completed;
  }

  /** Removes the staging directories once no run uses them, so the lake stays tidy. */
  private void removeEmptyStagingRoot() throws IOException {
    for (Path dir : List.of(stagingRoot(), stagingRoot().getParent())) {
      try {
        Files.deleteIfExists(dir);
      } catch (java.nio.file.DirectoryNotEmptyException e) {
        return;
      }
    }
  }

  /** Creates a fresh staging directory for one run. */
  public Path stage(String runId) {
    Path dir = stagingRoot().resolve(runId);
    try {
      Files.createDirectories(dir);
      return dir;
    } catch (IOException e) {
      throw failure("Cannot create staging directory " + dir, e);
    }
  }

  /**
   * Publishes every file in {@code stagingDir} (in name order) into the final directory.
   *
   * @param mode APPEND keeps the final directory's files; REPLACE deletes them once the new ones
   *     are in
   */
  public CommitResult publish(Path stagingDir, WriteMode mode) {
    try {
      List<Path> staged = stagedFiles(stagingDir);
      Files.createDirectories(finalDir);
      List<Path> existing = dataFiles();
      long next = nextSequence(existing);
      List<PublishPlan.Move> moves = new ArrayList<>();
      long bytes = 0;
      for (Path file : staged) {
        Durability.force(file);
        bytes += Files.size(file);
        moves.add(new PublishPlan.Move(file.getFileName().toString(), partName(next++)));
      }
      List<String> deletions =
          mode == WriteMode.REPLACE
              ? existing.stream().map(p -> p.getFileName().toString()).toList()
              : List.of();
      PublishPlan plan = new PublishPlan(moves, deletions);
      plan.write(stagingDir);
      carryOut(plan, stagingDir);
      deleteTree(stagingDir);
      removeEmptyStagingRoot();
      return new CommitResult(moves.size(), bytes);
    } catch (IOException e) {
      throw failure("Cannot publish " + stagingDir + " into " + finalDir, e);
    }
  }

  /** Deletes a run's staging directory and everything in it. Safe to call more than once. */
  public void discard(Path stagingDir) {
    try {
      deleteTree(stagingDir);
      removeEmptyStagingRoot();
    } catch (IOException e) {
      throw failure("Cannot remove staging directory " + stagingDir, e);
    }
  }

  /** The final directory's data files ({@code *.<extension>}, not hidden), sorted by name. */
  public List<Path> dataFiles() throws IOException {
    if (!Files.isDirectory(finalDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(finalDir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> isDataFile(p.getFileName().toString()))
          .sorted()
          .toList();
    }
  }

  private boolean isDataFile(String name) {
    return name.endsWith("." + extension) && !name.startsWith(".") && !name.startsWith("_");
  }

  private List<Path> stagedFiles(Path stagingDir) throws IOException {
    try (Stream<Path> files = Files.list(stagingDir)) {
      return files
          .filter(p -> isDataFile(p.getFileName().toString()))
          .sorted(Comparator.comparing(Path::getFileName))
          .toList();
    }
  }

  private long nextSequence(List<Path> existing) {
    OptionalLong max =
        existing.stream()
            .map(p -> partName.matcher(p.getFileName().toString()))
            .filter(Matcher::matches)
            .mapToLong(m -> Long.parseLong(m.group(1)))
            .max();
    return max.orElse(0) + 1;
  }

  private String partName(long sequence) {
    return String.format("part-%0" + SEQUENCE_DIGITS + "d.%s", sequence, extension);
  }

  /** Carries out a plan; every step is skipped when already done, so it can be repeated. */
  private void carryOut(PublishPlan plan, Path stagingDir) throws IOException {
    Files.createDirectories(finalDir);
    for (PublishPlan.Move move : plan.moves()) {
      Path from = stagingDir.resolve(move.staged());
      Path to = finalDir.resolve(move.published());
      if (Files.exists(from)) {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
      } else if (!Files.exists(to)) {
        throw new HyggeException(
            ErrorKind.STATE,
            "Interrupted publish into "
                + finalDir
                + " cannot be completed: staged file "
                + from
                + " and its target "
                + to
                + " are both missing. Reload the entity with a full_drop run.");
      }
    }
    Durability.force(finalDir);
    for (String name : plan.deletions()) {
      Files.deleteIfExists(finalDir.resolve(name));
    }
    Durability.force(finalDir);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static HyggeException failure(String message, IOException e) {
    return new HyggeException(ErrorKind.STORE, message + ": " + e, new UncheckedIOException(e));
  }
}
