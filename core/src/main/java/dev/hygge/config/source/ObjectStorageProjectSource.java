package dev.hygge.config.source;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.SupportsListing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A project under an object-storage prefix ({@code s3://bucket/prefix/}, {@code gs://}, {@code
 * abfss://}, {@code az://}): its {@code hygge.yml}, {@code .env} and {@code flows/**} are fetched
 * into a local temporary directory on first use and reused. At most once per refresh interval the
 * {@code hygge.yml} object's version is checked; when it changed, the files are fetched again into
 * a new directory. So a deployment uploads the flow files first and {@code hygge.yml} last. The
 * directory before the current one is kept (a run may still be loading from it) and older ones are
 * removed. Safe to use from several threads. It is meant to live as long as the process (see {@link
 * ProjectSources}); whoever creates one closes it, which closes its store.
 */
public final class ObjectStorageProjectSource implements ProjectSource, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ObjectStorageProjectSource.class);
  private static final String PROJECT_FILE = "hygge.yml";
  private static final String ENV_FILE = ".env";
  private static final String FLOWS_PREFIX = "flows/";

  private final Location root;
  private final ObjectStore store;
  private final Duration refresh;
  private final Clock clock;
  private final Path cacheRoot;

  private Fetched current;
  private Path previous;

  /** One fetch: where the files are, which {@code hygge.yml} version, when it was last checked. */
  private record Fetched(Path dir, String version, Instant checked) {}

  /**
   * @param root the prefix holding {@code hygge.yml}
   * @param store reads the prefix; closed by {@link #close()}
   * @param refresh how long a fetched project is used before {@code hygge.yml}'s version is checked
   *     again; zero checks on every use
   * @param clock the time source for the refresh interval
   * @param cacheRoot where fetched projects are written (a directory of the temporary directory)
   */
  public ObjectStorageProjectSource(
      Location root, ObjectStore store, Duration refresh, Clock clock, Path cacheRoot) {
    requireNonNull(root, "root is null");
    this.store = requireNonNull(store, "store is null");
    this.refresh = requireNonNull(refresh, "refresh is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.cacheRoot = requireNonNull(cacheRoot, "cacheRoot is null");
    if (root.isLocal()) {
      throw new IllegalArgumentException("not an object-storage location: " + root);
    }
    if (refresh.isNegative()) {
      throw new IllegalArgumentException("refresh is negative: " + refresh);
    }
    this.root =
        root.path().isEmpty() || root.path().endsWith("/")
            ? root
            : new Location(root.scheme(), root.authority(), root.path() + "/");
  }

  @Override
  public String describe() {
    return root.toString();
  }

  @Override
  public synchronized Path directory() {
    Instant now = clock.instant();
    if (current != null && now.isBefore(current.checked().plus(refresh))) {
      return current.dir();
    }
    String version = projectFile().version();
    if (current != null && current.version().equals(version)) {
      current = new Fetched(current.dir(), version, now);
      return current.dir();
    }
    Fetched fetched = fetch(now);
    if (previous != null) {
      delete(previous);
    }
    previous = current == null ? null : current.dir();
    current = fetched;
    return current.dir();
  }

  private ObjectInfo projectFile() {
    Optional<ObjectInfo> info;
    try {
      info = store.stat(root.resolve(PROJECT_FILE));
    } catch (HyggeException e) {
      throw cannotRead(e);
    }
    return info.orElseThrow(this::noProjectFile);
  }

  private Fetched fetch(Instant now) {
    if (!(store instanceof SupportsListing listing)) {
      throw HyggeException.config(
          "Cannot fetch the project from " + root + ": its storage cannot list objects.");
    }
    List<ObjectInfo> objects;
    try {
      objects = listing.list(root).stream().filter(o -> isProjectFile(relative(o))).toList();
    } catch (HyggeException e) {
      throw cannotRead(e);
    }
    ObjectInfo projectFile =
        objects.stream()
            .filter(o -> relative(o).equals(PROJECT_FILE))
            .findFirst()
            .orElseThrow(this::noProjectFile);
    Path dir;
    try {
      Files.createDirectories(cacheRoot);
      dir = Files.createTempDirectory(cacheRoot, "project-");
      for (ObjectInfo object : objects) {
        copy(object, dir);
      }
    } catch (IOException e) {
      throw new HyggeException(
          ErrorKind.CONFIG,
          "Cannot write the project fetched from "
              + root
              + " under "
              + cacheRoot
              + ": "
              + e.getMessage()
              + ". Check that the temporary directory is writable and has room.",
          e);
    }
    LOG.info(
        "Fetched project {} ({} files, hygge.yml version {}) into {}",
        root,
        objects.size(),
        projectFile.version(),
        dir);
    return new Fetched(dir, projectFile.version(), now);
  }

  private void copy(ObjectInfo object, Path dir) throws IOException {
    String relative = relative(object);
    Path target = dir.resolve(relative).normalize();
    if (!target.startsWith(dir)) {
      throw HyggeException.config(
          "Cannot fetch the project from "
              + root
              + ": object "
              + object.location()
              + " would be written outside the project directory; rename it.");
    }
    Files.createDirectories(target.getParent());
    try (InputStream in = store.open(object.location()).newStream()) {
      Files.copy(in, target);
    } catch (HyggeException e) {
      throw cannotRead(e);
    }
  }

  private String relative(ObjectInfo object) {
    return object.location().path().substring(root.path().length());
  }

  /** {@code hygge.yml}, {@code .env} and files (not directory markers) under {@code flows/}. */
  private static boolean isProjectFile(String relative) {
    return relative.equals(PROJECT_FILE)
        || relative.equals(ENV_FILE)
        || (relative.startsWith(FLOWS_PREFIX) && !relative.endsWith("/"));
  }

  private HyggeException noProjectFile() {
    return HyggeException.config(
        "No "
            + PROJECT_FILE
            + " under "
            + root
            + " (HYGGE_PROJECT): upload the project there (hygge.yml, flows/ and an optional"
            + " .env), or point HYGGE_PROJECT at the prefix that holds hygge.yml.");
  }

  private HyggeException cannotRead(HyggeException e) {
    return new HyggeException(
        e.kind() == ErrorKind.HOME ? ErrorKind.CONFIG : e.kind(),
        "Cannot fetch the project from " + root + " (HYGGE_PROJECT): " + e.getMessage(),
        e);
  }

  private static void delete(Path dir) {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // An old copy left behind costs disk space only; the current one is intact.
      LOG.warn("Cannot remove the old project copy {}: {}", dir, e.toString());
    }
  }

  /** Closes the store; the fetched files stay for runs still loading them. */
  @Override
  public void close() {
    store.close();
  }
}
