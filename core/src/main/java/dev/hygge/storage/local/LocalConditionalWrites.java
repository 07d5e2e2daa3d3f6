package dev.hygge.storage.local;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.files.Durability;
import dev.hygge.files.FileLocks;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.VersionedBytes;
import dev.hygge.storage.WriteCondition;
import dev.hygge.storage.WriteConditionFailedException;
import dev.hygge.storage.WriteOutcomeUnknownException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.function.Function;

/**
 * Conditional writes on local files: an operating-system lock on a sibling lock file, a comparison
 * of the version (size and modification time), then a temporary file moved over the old one. A
 * write that would keep the same version (same size within the same millisecond) moves the
 * modification time on, so every write yields a new version.
 */
final class LocalConditionalWrites {
  /** Listings skip names with the upload prefix, so lock files stay out of them too. */
  private static final String LOCK_PREFIX = LocalObjectStore.TEMPORARY_PREFIX + "lock-";

  private static final long VERSION_STEP_MILLIS = 1;

  private final Function<Path, Optional<ObjectInfo>> stat;

  LocalConditionalWrites(Function<Path, Optional<ObjectInfo>> stat) {
    this.stat = stat;
  }

  Optional<VersionedBytes> read(Location location, Path path) {
    try (FileLocks.Held lock = lock(location, path)) {
      Optional<ObjectInfo> info = stat.apply(path);
      if (info.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new VersionedBytes(Files.readAllBytes(path), info.get().version()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw HyggeException.home("Cannot read " + location + ": " + e, e);
    }
  }

  ObjectInfo write(Location location, Path path, byte[] bytes, WriteCondition condition) {
    try (FileLocks.Held lock = lock(location, path)) {
      Optional<ObjectInfo> current = stat.apply(path);
      check("write", location, current, condition);
      Path temp = Files.createTempFile(path.getParent(), LocalObjectStore.TEMPORARY_PREFIX, "");
      try {
        Files.write(temp, bytes);
        Durability.force(temp);
        Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        Files.deleteIfExists(temp);
        throw e;
      }
      return published(location, path, current);
    } catch (IOException e) {
      throw HyggeException.store(
          "Cannot write "
              + location
              + ": "
              + e
              + " (check the permissions and free space of "
              + path.getParent()
              + ")",
          e);
    }
  }

  void delete(Location location, Path path, String version) {
    try (FileLocks.Held lock = lock(location, path)) {
      check("delete", location, stat.apply(path), WriteCondition.matches(version));
      Files.delete(path);
      Durability.force(path.getParent());
    } catch (IOException e) {
      throw HyggeException.store("Cannot delete " + location + ": " + e, e);
    }
  }

  /** Makes the move durable and its version new; a failure here leaves the outcome unknown. */
  private ObjectInfo published(Location location, Path path, Optional<ObjectInfo> before) {
    try {
      Durability.force(path.getParent());
      ObjectInfo after =
          stat.apply(path).orElseThrow(() -> new NoSuchFileException(path.toString()));
      if (before.isPresent() && before.get().version().equals(after.version())) {
        Files.setLastModifiedTime(
            path, FileTime.fromMillis(after.modified().toEpochMilli() + VERSION_STEP_MILLIS));
        after = stat.apply(path).orElseThrow(() -> new NoSuchFileException(path.toString()));
      }
      return after;
    } catch (IOException e) {
      throw new WriteOutcomeUnknownException(
          "Cannot tell whether "
              + location
              + " was written ("
              + e
              + "); read it again before going on.",
          e);
    }
  }

  private static void check(
      String action, Location location, Optional<ObjectInfo> current, WriteCondition condition) {
    Optional<String> actual = current.map(ObjectInfo::version);
    boolean holds =
        condition instanceof WriteCondition.Matches matches
            ? actual.equals(Optional.of(matches.version()))
            : actual.isEmpty();
    if (!holds) {
      throw new WriteConditionFailedException(
          "Cannot "
              + action
              + " "
              + location
              + ": it changed underneath (expected "
              + describe(condition)
              + ", found "
              + actual.map(v -> "version " + v).orElse("no object")
              + "); nothing was written",
          null);
    }
  }

  static String describe(WriteCondition condition) {
    return condition instanceof WriteCondition.Matches matches
        ? "version " + matches.version()
        : "no object";
  }

  private static FileLocks.Held lock(Location location, Path path) throws IOException {
    Path parent = path.getParent();
    if (parent == null) {
      throw new HyggeException(ErrorKind.CONFIG, location + " names no file in a directory");
    }
    Files.createDirectories(parent);
    return FileLocks.lock(parent.resolve(LOCK_PREFIX + path.getFileName()));
  }
}
