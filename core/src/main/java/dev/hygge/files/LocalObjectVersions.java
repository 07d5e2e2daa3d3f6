package dev.hygge.files;

import dev.hygge.HyggeException;
import dev.hygge.state.ObjectVersion;
import dev.hygge.storage.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Local files as the processed-object journal keys them: the same location and version (size and
 * modification time) that {@code storage.local.LocalObjectStore} lists, so journals written now
 * stay valid when the file homes read through the object store.
 */
public final class LocalObjectVersions {
  private LocalObjectVersions() {}

  /**
   * The version of each file.
   *
   * @param entity the qualified entity name, for messages
   * @throws HyggeException of kind HOME when a file cannot be looked at
   */
  public static List<ObjectVersion> of(List<Path> files, String entity) {
    List<ObjectVersion> versions = new ArrayList<>();
    for (Path file : files) {
      try {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        versions.add(
            new ObjectVersion(
                Location.of(file).toString(),
                attributes.size() + "-" + attributes.lastModifiedTime().toMillis()));
      } catch (IOException e) {
        throw HyggeException.home(
            "Cannot read entity " + entity + ": cannot look at " + file + ": " + e, e);
      }
    }
    return versions;
  }

  /** The files of these objects, in the same order. */
  public static List<Path> files(List<ObjectVersion> objects) {
    return objects.stream().map(o -> Path.of(o.location())).toList();
  }
}
