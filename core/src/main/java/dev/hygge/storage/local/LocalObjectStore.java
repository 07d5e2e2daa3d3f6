package dev.hygge.storage.local;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.files.Durability;
import dev.hygge.storage.InputObject;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectGlob;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.OutputObject;
import dev.hygge.storage.SupportsConditionalWrite;
import dev.hygge.storage.SupportsListing;
import dev.hygge.storage.SupportsMove;
import dev.hygge.storage.VersionedBytes;
import dev.hygge.storage.WriteCondition;
import dev.hygge.storage.WriteMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The local file system as an {@link ObjectStore}: objects are regular files. */
public final class LocalObjectStore
    implements ObjectStore, SupportsListing, SupportsMove, SupportsConditionalWrite {
  /** Names of in-progress uploads start with this; listings skip them. */
  static final String TEMPORARY_PREFIX = ".hygge-upload-";

  private final LocalConditionalWrites conditional = new LocalConditionalWrites(this::statPath);

  @Override
  public InputObject open(Location location) {
    return new LocalInputObject(location, path(location));
  }

  @Override
  public OutputObject create(Location location) {
    if (Files.exists(path(location))) {
      throw exists(location, null);
    }
    return output(location, WriteMode.CREATE);
  }

  @Override
  public OutputObject createOrOverwrite(Location location) {
    return output(location, WriteMode.OVERWRITE);
  }

  @Override
  public Optional<ObjectInfo> stat(Location location) {
    Path path = path(location);
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      return attributes.isRegularFile() ? Optional.of(info(path, attributes)) : Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw HyggeException.home("Cannot read the attributes of " + location + ": " + e, e);
    }
  }

  @Override
  public Optional<VersionedBytes> readVersioned(Location location) {
    return conditional.read(location, path(location));
  }

  @Override
  public ObjectInfo writeIf(Location location, byte[] bytes, WriteCondition condition) {
    return conditional.write(location, path(location), bytes, condition);
  }

  @Override
  public void deleteIf(Location location, String version) {
    conditional.delete(location, path(location), version);
  }

  private Optional<ObjectInfo> statPath(Path path) {
    return stat(Location.of(path));
  }

  @Override
  public void delete(Location location) {
    try {
      Files.deleteIfExists(path(location));
    } catch (IOException e) {
      throw HyggeException.store("Cannot delete " + location + ": " + e, e);
    }
  }

  @Override
  public List<ObjectInfo> list(Location prefix) {
    String base = path(prefix).toString();
    String text = prefix.path().endsWith("/") && !base.endsWith("/") ? base + "/" : base;
    Path directory = text.endsWith("/") ? Path.of(text) : Path.of(text).getParent();
    if (directory == null || !Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(file -> file.toString().startsWith(text))
          .filter(file -> !file.getFileName().toString().startsWith(TEMPORARY_PREFIX))
          .filter(Files::isRegularFile)
          .sorted(Comparator.comparing(Path::toString))
          .map(this::info)
          .collect(Collectors.toList());
    } catch (IOException | java.io.UncheckedIOException e) {
      throw HyggeException.home("Cannot list " + prefix + ": " + e, e);
    }
  }

  @Override
  public List<ObjectInfo> match(Location pattern) {
    ObjectGlob glob = new ObjectGlob(pattern);
    return list(glob.prefix()).stream()
        .filter(info -> glob.matches(info.location()))
        .collect(Collectors.toList());
  }

  /** Renames the file atomically and makes the rename durable. */
  @Override
  public void move(Location from, Location to) {
    Path target = path(to);
    try {
      Files.createDirectories(target.getParent());
      Files.move(path(from), target, StandardCopyOption.ATOMIC_MOVE);
      Durability.force(target.getParent());
    } catch (IOException e) {
      throw HyggeException.store("Cannot move " + from + " to " + to + ": " + e, e);
    }
  }

  @Override
  public void close() {
    // Nothing to release: every operation opens and closes its own files.
  }

  static HyggeException exists(Location location, Exception cause) {
    return new HyggeException(
        ErrorKind.STORE,
        "Cannot create "
            + location
            + ": an object already exists there (delete it first or write with overwrite)",
        cause);
  }

  private OutputObject output(Location location, WriteMode mode) {
    try {
      return new LocalOutputObject(this, location, path(location), mode);
    } catch (IOException e) {
      throw HyggeException.store("Cannot start writing " + location + ": " + e, e);
    }
  }

  private ObjectInfo info(Path path) {
    try {
      return info(path, Files.readAttributes(path, BasicFileAttributes.class));
    } catch (IOException e) {
      throw HyggeException.home("Cannot read the attributes of " + path + ": " + e, e);
    }
  }

  private static ObjectInfo info(Path path, BasicFileAttributes attributes) {
    String version = attributes.size() + "-" + attributes.lastModifiedTime().toMillis();
    return new ObjectInfo(
        Location.of(path), attributes.size(), version, attributes.lastModifiedTime().toInstant());
  }

  private static Path path(Location location) {
    if (!location.scheme().equals(Location.FILE)) {
      throw HyggeException.config(
          "The local object store reads file locations, not "
              + location
              + " (use the store for '"
              + location.scheme()
              + "://')");
    }
    return Path.of(location.path());
  }
}
