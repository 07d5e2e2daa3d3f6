package dev.hygge.files;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.CommitResult;
import dev.hygge.flow.WriteMode;
import dev.hygge.storage.InputObject;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.OutputObject;
import dev.hygge.storage.SupportsDirectoryRename;
import dev.hygge.storage.SupportsListing;
import dev.hygge.storage.SupportsMove;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits many files into a directory of an object store (S3, GCS, Azure) at once, the way {@link
 * StagedDirectory} does on local disk. A run writes its files under {@code
 * <parent>/.hygge-staging/<name>/<runId>/}; its commit first writes a publish record ({@code
 * _PUBLISH}) listing which staged file becomes which {@code part-NNNNNN} name and which old files a
 * replace deletes, then moves the files and deletes the record. Carrying out a record is
 * idempotent, so a publish interrupted anywhere is completed by the next run, and no file becomes
 * visible without a record naming it.
 *
 * <p>Object stores have no locks: two runs of one entity must not commit into the same directory at
 * once (the entity's state lease prevents it). Staging without a record is removed by a later run
 * once it is older than the stale age, so a slow run's staging is never taken from under it.
 */
public final class StagedObjects {
  private static final Logger LOG = LoggerFactory.getLogger(StagedObjects.class);
  static final String STAGING_DIR = ".hygge-staging";
  static final String RUN_MARKER = "_RUN";
  private static final int SEQUENCE_DIGITS = 6;

  /** How old a run's staging without a publish record must be before another run removes it. */
  public static final Duration DEFAULT_STALE_AFTER = Duration.ofHours(24);

  private final ObjectStore store;
  private final SupportsListing listing;
  private final Location finalDir;
  private final String extension;
  private final Duration staleAfter;
  private final Clock clock;
  private final Pattern partName;

  /**
   * @param store the object store holding the directory; it must support listing
   * @param finalDir the directory readers see
   * @param extension the data files' extension without the dot, e.g. {@code parquet}
   * @param staleAfter how old staging without a record must be to count as abandoned
   * @param clock the time source for staleness
   */
  public StagedObjects(
      ObjectStore store, Location finalDir, String extension, Duration staleAfter, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    if (!(store instanceof SupportsListing lists)) {
      throw new IllegalArgumentException("store cannot list objects: " + store);
    }
    this.listing = lists;
    this.finalDir = directory(requireNonNull(finalDir, "finalDir is null"));
    this.extension = requireNonNull(extension, "extension is null");
    this.staleAfter = requireNonNull(staleAfter, "staleAfter is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.partName = Pattern.compile("part-(\\d+)\\." + Pattern.quote(extension));
  }

  private static Location directory(Location location) {
    String path = location.path();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.isEmpty()) {
      throw HyggeException.config(
          "Cannot write into the root of "
              + location
              + ": give the store's path a directory under the bucket or container, such as "
              + location.resolve("lake/orders"));
    }
    return new Location(location.scheme(), location.authority(), path);
  }

  /** The directory readers see. */
  public Location finalDir() {
    return finalDir;
  }

  /** Where this directory's runs stage their files. */
  Location stagingRoot() {
    String path = finalDir.path();
    int slash = path.lastIndexOf('/');
    String parent = slash < 0 ? "" : path.substring(0, slash + 1);
    String name = path.substring(slash + 1);
    return new Location(
        finalDir.scheme(), finalDir.authority(), parent + STAGING_DIR + "/" + name + "/");
  }

  /** One run's staging prefix. */
  public static final class Staging {
    private final Location dir;
    private boolean planned;

    private Staging(Location dir) {
      this.dir = dir;
    }

    /** The prefix to write staged files under, ending with {@code /}. */
    public Location dir() {
      return dir;
    }
  }

  /**
   * Completes publishes that were interrupted and removes staging that runs abandoned long ago.
   * Call before staging a new run.
   *
   * @return how many interrupted publishes were completed
   */
  public int recover() {
    Map<String, List<ObjectInfo>> runs = new LinkedHashMap<>();
    Location root = stagingRoot();
    for (ObjectInfo object : listing.list(root)) {
      String rest = object.location().path().substring(root.path().length());
      int slash = rest.indexOf('/');
      if (slash > 0) {
        runs.computeIfAbsent(rest.substring(0, slash), k -> new ArrayList<>()).add(object);
      }
    }
    int completed = 0;
    for (Map.Entry<String, List<ObjectInfo>> run : runs.entrySet()) {
      Location dir = root.resolve(run.getKey() + "/");
      Optional<ObjectInfo> plan = find(run.getValue(), dir.resolve(PublishPlan.FILE_NAME));
      if (plan.isPresent()) {
        LOG.warn("Completing an interrupted publish into {} (staged in {})", finalDir, dir);
        carryOut(readPlan(plan.get().location()), dir);
        deleteAll(listing.list(dir));
        completed++;
      } else if (abandoned(run.getValue())) {
        LOG.info("Removing staging left by a run that did not commit: {}", dir);
        deleteAll(run.getValue());
      } else {
        LOG.debug("Leaving recent staging alone (a run may still use it): {}", dir);
      }
    }
    return completed;
  }

  private boolean abandoned(List<ObjectInfo> objects) {
    Instant newest =
        objects.stream().map(ObjectInfo::modified).max(Instant::compareTo).orElse(Instant.MIN);
    return newest.plus(staleAfter).isBefore(clock.instant());
  }

  private static Optional<ObjectInfo> find(List<ObjectInfo> objects, Location location) {
    return objects.stream().filter(o -> o.location().equals(location)).findFirst();
  }

  /** Creates a fresh staging prefix for one run, marked with the run's start. */
  public Staging stage(String runId) {
    Location dir = stagingRoot().resolve(requireNonNull(runId, "runId is null") + "/");
    writeText(dir.resolve(RUN_MARKER), runId + "\n" + clock.instant() + "\n");
    return new Staging(dir);
  }

  /**
   * Publishes every staged file (in name order) into the final directory.
   *
   * @param mode APPEND keeps the directory's files; REPLACE deletes them once the new ones are in
   */
  public CommitResult publish(Staging staging, WriteMode mode) {
    List<ObjectInfo> staged =
        listing.list(staging.dir()).stream().filter(o -> isDataFile(name(o))).toList();
    List<ObjectInfo> existing = dataFiles();
    long next = nextSequence(existing);
    List<PublishPlan.Move> moves = new ArrayList<>();
    long bytes = 0;
    for (ObjectInfo file : staged) {
      bytes += file.size();
      moves.add(new PublishPlan.Move(name(file), partName(next++)));
    }
    if (existing.isEmpty()
        && store instanceof SupportsDirectoryRename directories
        && store instanceof SupportsMove
        && !directories.directoryExists(finalDir)) {
      publishAsNewDirectory(staging, moves, directories);
      return new CommitResult(moves.size(), bytes);
    }
    List<String> deletions =
        mode == WriteMode.REPLACE ? existing.stream().map(StagedObjects::name).toList() : List.of();
    PublishPlan plan = new PublishPlan(moves, deletions);
    writeText(staging.dir().resolve(PublishPlan.FILE_NAME), plan.encode());
    staging.planned = true;
    try {
      carryOut(plan, staging.dir());
      deleteAll(listing.list(staging.dir()));
    } catch (HyggeException e) {
      throw new HyggeException(
          ErrorKind.STORE,
          "Publishing into "
              + finalDir
              + " was interrupted after it was recorded in "
              + staging.dir()
              + "; the next run of this entity completes it: "
              + e.getMessage(),
          e);
    }
    return new CommitResult(moves.size(), bytes);
  }

  /**
   * Publishes into a directory that does not exist yet in one atomic step, where the service has
   * directory renames (ADLS Gen2, OneLake): the staged files get their final names inside the
   * staging directory (invisible to readers), the run marker goes, and the whole directory is
   * renamed into place, so readers see every file or none. No record is needed: until the rename
   * nothing is visible, and a crash before it leaves staging that a later run removes.
   */
  private void publishAsNewDirectory(
      Staging staging, List<PublishPlan.Move> moves, SupportsDirectoryRename directories) {
    SupportsMove mover = (SupportsMove) store;
    for (PublishPlan.Move move : moves) {
      if (!move.staged().equals(move.published())) {
        mover.move(staging.dir().resolve(move.staged()), staging.dir().resolve(move.published()));
      }
    }
    store.delete(staging.dir().resolve(RUN_MARKER));
    String dir = staging.dir().path();
    directories.renameDirectory(
        new Location(
            staging.dir().scheme(), staging.dir().authority(), dir.substring(0, dir.length() - 1)),
        finalDir);
  }

  /**
   * Deletes a run's staged files, unless a publish from them was recorded: those stay for the next
   * run's {@link #recover} to complete. Safe to call more than once.
   */
  public void discard(Staging staging) {
    if (staging.planned && store.exists(staging.dir().resolve(PublishPlan.FILE_NAME))) {
      LOG.warn(
          "Publish into {} was interrupted after it was recorded; the next run completes it from"
              + " {}",
          finalDir,
          staging.dir());
      return;
    }
    deleteAll(listing.list(staging.dir()));
  }

  /** The final directory's data files ({@code *.<extension>}, not hidden, not nested). */
  public List<ObjectInfo> dataFiles() {
    String prefix = finalDir.path() + "/";
    return listing.list(finalDir.resolve("")).stream()
        .filter(o -> o.location().path().startsWith(prefix))
        .filter(o -> o.location().path().indexOf('/', prefix.length()) < 0)
        .filter(o -> isDataFile(name(o)))
        .toList();
  }

  private static String name(ObjectInfo object) {
    String path = object.location().path();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private boolean isDataFile(String name) {
    return name.endsWith("." + extension) && !name.startsWith(".") && !name.startsWith("_");
  }

  private long nextSequence(List<ObjectInfo> existing) {
    OptionalLong max =
        existing.stream()
            .map(o -> partName.matcher(name(o)))
            .filter(Matcher::matches)
            .mapToLong(m -> Long.parseLong(m.group(1)))
            .max();
    return max.orElse(0) + 1;
  }

  private String partName(long sequence) {
    return String.format("part-%0" + SEQUENCE_DIGITS + "d.%s", sequence, extension);
  }

  /** Carries out a plan; every step is skipped when already done, so it can be repeated. */
  private void carryOut(PublishPlan plan, Location stagingDir) {
    for (PublishPlan.Move move : plan.moves()) {
      Location from = stagingDir.resolve(move.staged());
      Location to = finalDir.resolve(move.published());
      if (store.exists(from)) {
        move(from, to);
      } else if (!store.exists(to)) {
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
    for (String name : plan.deletions()) {
      store.delete(finalDir.resolve(name));
    }
  }

  private void move(Location from, Location to) {
    if (store instanceof SupportsMove mover) {
      mover.move(from, to);
      return;
    }
    InputObject source = store.open(from);
    try (InputStream in = source.newStream();
        OutputObject out = store.createOrOverwrite(to)) {
      in.transferTo(out);
      out.commit();
    } catch (IOException e) {
      throw new HyggeException(ErrorKind.STORE, "Cannot copy " + from + " to " + to + ": " + e, e);
    }
    store.delete(from);
  }

  private PublishPlan readPlan(Location location) {
    try (InputStream in = store.open(location).newStream()) {
      return PublishPlan.decode(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), location.toString());
    } catch (IOException e) {
      throw new HyggeException(
          ErrorKind.STATE,
          "Cannot read publish record " + location + ": " + e,
          new UncheckedIOException(e));
    }
  }

  private void writeText(Location location, String text) {
    try (OutputObject out = store.createOrOverwrite(location)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.commit();
    }
  }

  private void deleteAll(List<ObjectInfo> objects) {
    // The publish record goes last, so an interrupted cleanup is still recognised as published.
    objects.stream()
        .filter(o -> !name(o).equals(PublishPlan.FILE_NAME))
        .forEach(o -> store.delete(o.location()));
    objects.stream()
        .filter(o -> name(o).equals(PublishPlan.FILE_NAME))
        .forEach(o -> store.delete(o.location()));
  }
}
