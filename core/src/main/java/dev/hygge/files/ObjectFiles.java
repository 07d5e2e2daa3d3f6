package dev.hygge.files;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectGlob;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.SupportsListing;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a file home's {@code path} in an object store to the objects to read, with the same
 * rules as {@link LocalFiles}: an object is itself; a prefix without glob characters is a directory
 * giving every {@code *.<extension>} object below it; a glob gives the objects matching it (a glob
 * whose last part has no extension means objects of this format). Objects under a path segment
 * starting with {@code _} or {@code .} are skipped below a directory or glob. Objects come back
 * sorted by location.
 */
public final class ObjectFiles {
  private final String format;
  private final String extension;

  /**
   * @param format the format's name for messages, e.g. {@code Parquet}
   * @param extension the extension without the dot, e.g. {@code parquet}
   */
  public ObjectFiles(String format, String extension) {
    this.format = requireNonNull(format, "format is null");
    this.extension = requireNonNull(extension, "extension is null");
  }

  /**
   * The objects an entity reads.
   *
   * @param written the location as the user wrote it, for messages
   * @throws HyggeException of kind HOME when nothing matches, CONFIG when the store cannot list
   */
  public List<ObjectInfo> match(
      ObjectStore store, Location location, String written, String entity) {
    if (!(store instanceof SupportsListing listing)) {
      throw HyggeException.config(
          "Cannot read entity " + entity + ": the store of '" + written + "' cannot list objects.");
    }
    List<ObjectInfo> objects =
        ObjectGlob.isGlob(location.path())
            ? glob(listing, location)
            : plain(store, listing, location);
    if (objects.isEmpty()) {
      throw new HyggeException(
          ErrorKind.HOME,
          "Cannot read entity "
              + entity
              + ": no "
              + format
              + " files match '"
              + written
              + "'. Check 'path:' of the home: it takes an object, a prefix holding *."
              + extension
              + " objects or a glob such as s3://bucket/landing/orders/*."
              + extension
              + ".");
    }
    return objects;
  }

  private List<ObjectInfo> plain(ObjectStore store, SupportsListing listing, Location location) {
    if (!location.path().isEmpty() && !location.path().endsWith("/")) {
      Optional<ObjectInfo> single = store.stat(location);
      if (single.isPresent()) {
        return List.of(single.get());
      }
    }
    String prefix =
        location.path().isEmpty() || location.path().endsWith("/")
            ? location.path()
            : location.path() + "/";
    Location directory = new Location(location.scheme(), location.authority(), prefix);
    return listing.list(directory).stream()
        .filter(o -> o.location().path().endsWith("." + extension))
        .filter(o -> !hiddenBelow(o.location().path(), prefix.length()))
        .sorted(Comparator.comparing(o -> o.location().path()))
        .toList();
  }

  private List<ObjectInfo> glob(SupportsListing listing, Location pattern) {
    String path = pattern.path();
    int fixedEnd = new ObjectGlob(pattern).prefix().path().length();
    String last = path.substring(path.lastIndexOf('/') + 1);
    boolean anyFormat = !last.contains(".");
    return listing.match(pattern).stream()
        .filter(o -> !anyFormat || o.location().path().endsWith("." + extension))
        .filter(o -> !hiddenBelow(o.location().path(), fixedEnd))
        .sorted(Comparator.comparing(o -> o.location().path()))
        .toList();
  }

  /** Whether any path segment after {@code from} starts with {@code _} or {@code .}. */
  static boolean hiddenBelow(String path, int from) {
    for (String segment : path.substring(from).split("/")) {
      if (segment.startsWith("_") || segment.startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
