package dev.hygge.files;

import static java.util.Objects.requireNonNull;

import dev.hygge.state.ObjectVersion;
import dev.hygge.storage.CreatedObject;
import dev.hygge.storage.InputObject;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.ObjectStores;
import dev.hygge.storage.StorageTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files a file home reads, on local disk or in an object store, found with the same rules
 * ({@link LocalFiles}, {@link ObjectFiles}); all of them, or the subset the processed-object
 * journal picked.
 */
public final class HomeFiles {
  private final StorageTarget target;
  private final LocalFiles localFiles;
  private final ObjectFiles objectFiles;
  private final ObjectCoverage coverage;

  /**
   * @param format the format's name for messages, e.g. {@code Parquet}
   * @param extension the extension without the dot, e.g. {@code parquet}
   */
  public HomeFiles(StorageTarget target, String format, String extension) {
    this.target = requireNonNull(target, "target is null");
    this.localFiles = new LocalFiles(format, extension);
    this.objectFiles = new ObjectFiles(format, extension);
    this.coverage = new ObjectCoverage(target, extension);
  }

  /** One file to read. */
  public sealed interface FileRef {
    /** A local file. */
    record Local(Path path) implements FileRef {}

    /** An object, with its size when a listing gave it (else -1). */
    record Remote(InputObject object, long size) implements FileRef {}
  }

  /** Files to read, and what to close when reading is done (the object store's connections). */
  public record Selected(List<FileRef> files, AutoCloseable resources) {
    public Selected {
      files = List.copyOf(files);
      requireNonNull(resources, "resources is null");
    }
  }

  /**
   * Every file that matches now, in read order.
   *
   * @throws dev.hygge.HyggeException of kind HOME when nothing matches or listing fails
   */
  public Selected all(String entity) {
    if (target.isLocal()) {
      return new Selected(
          localMatch(entity).stream().<FileRef>map(FileRef.Local::new).toList(), () -> {});
    }
    ObjectStore store = ObjectStores.open(target);
    try {
      List<FileRef> files =
          objectFiles.match(store, target.location(), target.written(), entity).stream()
              .<FileRef>map(o -> new FileRef.Remote(store.open(o.location()), o.size()))
              .toList();
      return new Selected(files, store);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The versions of every file that matches now, for the processed-object journal. */
  public List<ObjectVersion> versions(String entity) {
    if (target.isLocal()) {
      return LocalObjectVersions.of(localMatch(entity), entity);
    }
    try (ObjectStore store = ObjectStores.open(target)) {
      List<ObjectInfo> objects =
          objectFiles.match(store, target.location(), target.written(), entity);
      return objects.stream().map(ObjectVersion::of).toList();
    }
  }

  /** Just these files (a subset of {@link #versions}), in the same order. */
  public Selected only(List<ObjectVersion> objects) {
    if (target.isLocal()) {
      return new Selected(
          LocalObjectVersions.files(objects).stream().<FileRef>map(FileRef.Local::new).toList(),
          () -> {});
    }
    ObjectStore store = ObjectStores.open(target);
    List<FileRef> files =
        objects.stream()
            .<FileRef>map(o -> new FileRef.Remote(store.open(Location.parse(o.location())), -1))
            .toList();
    return new Selected(files, store);
  }

  /**
   * The object's location as this home lists it, when the home reads that object; empty when it
   * lives elsewhere or does not match {@code path:}. Makes no request to any service.
   */
  public Optional<Location> locate(CreatedObject object) {
    return coverage.locate(object);
  }

  /**
   * The current version of one object the home reads ({@link #locate}), as the journal keys it;
   * empty when the object is gone.
   *
   * @throws dev.hygge.HyggeException of kind HOME when the object cannot be looked at
   */
  public Optional<ObjectVersion> current(Location located, String entity) {
    if (located.isLocal()) {
      Path file = Path.of(located.path());
      return Files.isRegularFile(file)
          ? Optional.of(LocalObjectVersions.of(List.of(file), entity).get(0))
          : Optional.empty();
    }
    try (ObjectStore store = ObjectStores.open(target)) {
      return store.stat(located).map(ObjectVersion::of);
    }
  }

  private List<Path> localMatch(String entity) {
    return localFiles.match(Path.of(target.location().path()), target.written(), entity);
  }
}
