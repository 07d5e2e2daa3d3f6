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
import java.util.Optional;
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
 * and removes staging left by runs that died before committing; staging of runs still alive is left
 * alone, and publishes into one directory never interleave (both through file locks, which the
 * operating system drops when a process dies).
 */
public final class StagedDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(StagedDirectory.class);
  static final String STAGING_DIR = ".hygge-staging";
  private static final String RUN_LOCK = ".lock";
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
   * Held while publishing into, recovering or changing the staging of the final directory, so
   * commits never interleave and staging never vanishes under a run.
   */
  private FileLocks.Held lockPublishing() throws IOException {
    Path lock = finalDir.resolveSibling(STAGING_DIR).resolve(finalDir.getFileName() + ".lock");
    Files.createDirectories(lock.getParent());
    return FileLocks.lock(lock);
  }

  /**
   * One run's staging directory, locked while the run lives so that another run's {@link #recover}
   * leaves it alone (the lock dies with the process, so a killed run's staging is recovered).
   */
  public static final class Staging {
    private final Path dir;
    private final FileLocks.Held lock;
    private boolean planned;

    private Staging(Path dir, FileLocks.Held lock) {
      this.dir = dir;
      this.lock = lock;
    }

    /** The directory to write staged files into. */
    public Path dir() {
      return dir;
    }

    void release() throws IOException {
      lock.close();
    }
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
    try (FileLocks.Held publishing = lockPublishing()) {
      return Files.isDirectory(root) ? recoverRuns(root) : 0;
    } catch (IOException e) {
      throw failure("Cannot recover staging " + root, e);
    }
  }

  private int recoverRuns(Path root) throws IOException {
    int completed = 0;
    try (DirectoryStream<Path> runs = Files.newDirectoryStream(root, Files::isDirectory)) {
      for (Path run : runs) {
        Optional<FileLocks.Held> dead = FileLocks.tryLock(run.resolve(RUN_LOCK));
        if (dead.isEmpty()) {
          LOG.debug("Leaving staging of a running run alone: {}", run);
          continue;
        }
        try (FileLocks.Held held = dead.get()) {
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
      }
    }
    removeEmptyStagingRoot();
    return completed;
  }

  /** Removes this directory's staging root once no run uses it, so the lake stays tidy. */
  private void removeEmptyStagingRoot() throws IOException {
    try {
      Files.deleteIfExists(stagingRoot());
    } catch (java.nio.file.DirectoryNotEmptyException e) {
      LOG.debug("Staging {} is still in use by another run", stagingRoot());
    }
  }

  /** Creates a fresh staging directory for one run, locked until it is published or discarded. */
  public Staging stage(String runId) {
    Path dir = stagingRoot().resolve(runId);
    try (FileLocks.Held publishing = lockPublishing()) {
      Files.createDirectories(dir);
      return new Staging(dir, FileLocks.lock(dir.resolve(RUN_LOCK)));
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
  public CommitResult publish(Staging staging, WriteMode mode) {
    Path stagingDir = staging.dir();
    try (FileLocks.Held publishing = lockPublishing()) {
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
      staging.planned = true;
      carryOut(plan, stagingDir);
      deleteTree(stagingDir);
      staging.release();
      removeEmptyStagingRoot();
      return new CommitResult(moves.size(), bytes);
    } catch (IOException e) {
      if (staging.planned) {
        throw failure(
            "Publishing into "
                + finalDir
                + " was interrupted after it was recorded in "
                + stagingDir
                + "; the next run of this entity completes it",
            e);
      }
      throw failure("Cannot publish " + stagingDir + " into " + finalDir, e);
    }
  }

  /**
   * Deletes a run's staging directory and everything in it, unless a publish from it was recorded
   * and then interrupted: that staging stays for the next run's {@link #recover} to complete. Safe
   * to call more than once.
   */
  public void discard(Staging staging) {
    Path stagingDir = staging.dir();
    try (FileLocks.Held publishing = lockPublishing()) {
      if (staging.planned && Files.exists(stagingDir.resolve(PublishPlan.FILE_NAME))) {
        LOG.warn(
            "Publish into {} was interrupted after it was recorded; the next run completes it"
                + " from {}",
            finalDir,
            stagingDir);
        staging.release();
        return;
      }
      deleteTree(stagingDir);
      staging.release();
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
