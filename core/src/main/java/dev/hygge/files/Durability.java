package dev.hygge.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Forces files and directory entries to disk, so a publish survives a power cut. */
public final class Durability {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Durability.class);

  private Durability() {}

  /** fsyncs a file, or a directory's entries (where the platform allows opening directories). */
  public static void force(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
        channel.force(true);
      } catch (IOException e) {
        // Some platforms (Windows) cannot open directories; the renames stay atomic there.
        LOG.debug("Cannot sync directory {}: {}", path, e.toString());
      }
      return;
    }
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }
}
