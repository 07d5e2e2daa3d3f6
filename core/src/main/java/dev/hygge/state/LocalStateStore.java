package dev.hygge.state;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.files.Durability;
import dev.hygge.files.FileLocks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Entity state in a local directory: one JSON file per entity, {@code <dir>/<flow>/<entity>.json}.
 * A write takes an operating-system lock on the entity's lock file (so runs in other processes wait
 * their turn), compares versions, writes a temporary file, forces it to disk and moves it over the
 * old one atomically.
 */
public final class LocalStateStore implements StateStore {
  private static final String STATE_SUFFIX = ".json";
  private static final String LOCK_SUFFIX = ".lock";
  private static final String TEMP_SUFFIX = ".tmp";

  /** The version a reset names for a state file too corrupt to carry one. */
  static final StateVersion CORRUPT = new StateVersion("corrupt");

  private final Path directory;

  /**
   * @param directory the state directory; created when first written
   */
  public LocalStateStore(Path directory) {
    this.directory = requireNonNull(directory, "directory is null").toAbsolutePath().normalize();
  }

  /** The state directory. */
  public Path directory() {
    return directory;
  }

  @Override
  public Optional<VersionedState> read(EntityKey key) {
    return readFile(key).map(p -> new VersionedState(p.state(), version(p.version())));
  }

  @Override
  public StateVersion write(EntityKey key, EntityState state, Optional<StateVersion> expected) {
    requireNonNull(state, "state is null");
    requireNonNull(expected, "expected is null");
    Path file = file(key);
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw failed(key, "cannot create " + file.getParent(), e);
    }
    try (FileLocks.Held lock = FileLocks.lock(lockFile(key))) {
      Optional<StateFileFormat.Parsed> current = readFile(key);
      Optional<StateVersion> actual = current.map(p -> version(p.version()));
      if (!actual.equals(expected)) {
        throw new StateConflictException(
            "The state of entity "
                + key.qualifiedName()
                + " in "
                + file
                + " changed while this run held it (expected version "
                + expected.map(StateVersion::token).orElse("none")
                + ", found "
                + actual.map(StateVersion::token).orElse("none")
                + "): another run or a reset wrote it. Nothing was written; run the entity again.");
      }
      long next = current.map(p -> p.version() + 1).orElse(1L);
      replace(key, file, StateFileFormat.encode(state, next));
      return version(next);
    } catch (IOException e) {
      throw failed(key, "cannot lock " + lockFile(key), e);
    }
  }

  @Override
  public void delete(EntityKey key, StateVersion expected) {
    requireNonNull(expected, "expected is null");
    Path file = file(key);
    if (!Files.exists(file)) {
      throw new StateConflictException(
          "The state of entity " + key.qualifiedName() + " in " + file + " is already gone.");
    }
    try (FileLocks.Held lock = FileLocks.lock(lockFile(key))) {
      Optional<StateVersion> actual = readVersionForDelete(key);
      if (!actual.equals(Optional.of(expected))) {
        throw new StateConflictException(
            "The state of entity "
                + key.qualifiedName()
                + " in "
                + file
                + " changed since it was read; nothing was deleted. Try again.");
      }
      Files.delete(file);
      Durability.force(file.getParent());
    } catch (IOException e) {
      throw failed(key, "cannot delete " + file, e);
    }
  }

  @Override
  public String describe(EntityKey key) {
    return file(key).toString();
  }

  /** The state file of an entity. */
  public Path file(EntityKey key) {
    Path flowDir = directory.resolve(key.flow()).normalize();
    Path file = flowDir.resolve(key.entity() + STATE_SUFFIX).normalize();
    if (!flowDir.getParent().equals(directory) || !file.getParent().equals(flowDir)) {
      throw new HyggeException(
          ErrorKind.STATE,
          "Entity " + key.qualifiedName() + " has a name that cannot be a state file name.");
    }
    return file;
  }

  private Path lockFile(EntityKey key) {
    return file(key).resolveSibling("." + key.entity() + LOCK_SUFFIX);
  }

  /** A corrupt file may still be deleted by a reset: only its version is needed, if readable. */
  private Optional<StateVersion> readVersionForDelete(EntityKey key) {
    try {
      return readFile(key).map(p -> version(p.version()));
    } catch (HyggeException e) {
      if (e.kind() == ErrorKind.STATE) {
        return Optional.of(CORRUPT);
      }
      throw e;
    }
  }

  /**
   * The version to name when deleting the entity's state, even when the file is corrupt (so a reset
   * can repair it).
   *
   * @return empty when the entity has no state file
   */
  @Override
  public Optional<StateVersion> versionForReset(EntityKey key) {
    if (!Files.exists(file(key))) {
      return Optional.empty();
    }
    return readVersionForDelete(key);
  }

  private Optional<StateFileFormat.Parsed> readFile(EntityKey key) {
    Path file = file(key);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failed(key, "cannot read " + file, e);
    }
    return Optional.of(StateFileFormat.decode(bytes, file.toString(), key));
  }

  private static void replace(EntityKey key, Path file, byte[] bytes) {
    Path temp;
    try {
      temp = Files.createTempFile(file.getParent(), "." + key.entity() + "-", TEMP_SUFFIX);
    } catch (IOException e) {
      throw failed(key, "cannot create a temporary file next to " + file, e);
    }
    try {
      Files.write(temp, bytes);
      Durability.force(temp);
    } catch (IOException e) {
      deleteQuietly(temp, e);
      throw failed(key, "cannot write " + temp, e);
    }
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      Durability.force(file.getParent());
    } catch (IOException e) {
      deleteQuietly(temp, e);
      throw new StateOutcomeUnknownException(
          "Cannot tell whether the state of entity "
              + key.qualifiedName()
              + " was saved to "
              + file
              + " ("
              + e
              + "). Check that the disk is healthy; the next run reads whatever "
              + file
              + " holds and repeats the last window if it was not saved.",
          e);
    }
  }

  private static void deleteQuietly(Path temp, IOException cause) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }

  private static StateVersion version(long number) {
    return new StateVersion(Long.toString(number));
  }

  private static HyggeException failed(EntityKey key, String what, IOException e) {
    return new HyggeException(
        ErrorKind.STATE,
        "Cannot save the state of entity "
            + key.qualifiedName()
            + ": "
            + what
            + ": "
            + e
            + ". Nothing was written; check the permissions and free space of the state directory.",
        e);
  }
}
