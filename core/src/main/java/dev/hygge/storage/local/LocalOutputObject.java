package dev.hygge.storage.local;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.OutputObject;
import dev.hygge.storage.WriteMode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes to a hidden temporary file beside the target and publishes it with a hard link (create:
 * fails atomically when the target exists) or an atomic rename (overwrite).
 */
final class LocalOutputObject extends OutputObject {
  private final Location location;
  private final Path target;
  private final WriteMode mode;
  private final Path temporary;
  private final FileChannel channel;
  private final LocalObjectStore store;
  private long position;
  private boolean done;

  LocalOutputObject(LocalObjectStore store, Location location, Path target, WriteMode mode)
      throws IOException {
    this.store = store;
    this.location = location;
    this.target = target;
    this.mode = mode;
    Files.createDirectories(target.getParent());
    this.temporary =
        target.resolveSibling(LocalObjectStore.TEMPORARY_PREFIX + UUID.randomUUID() + ".tmp");
    this.channel =
        FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  @Override
  public Location location() {
    return location;
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    ensureOpen();
    ByteBuffer source = ByteBuffer.wrap(bytes, offset, length);
    try {
      while (source.hasRemaining()) {
        channel.write(source);
      }
    } catch (IOException e) {
      throw new HyggeException(ErrorKind.STORE, "Cannot write " + location + ": " + e, e);
    }
    position += length;
  }

  @Override
  public ObjectInfo commit() {
    ensureOpen();
    done = true;
    try {
      channel.force(true);
      channel.close();
      if (mode == WriteMode.CREATE) {
        Files.createLink(target, temporary);
        Files.delete(temporary);
      } else {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (FileAlreadyExistsException e) {
      discard(e);
      throw LocalObjectStore.exists(location, e);
    } catch (IOException e) {
      discard(e);
      throw new HyggeException(ErrorKind.STORE, "Cannot publish " + location + ": " + e, e);
    }
    return store
        .stat(location)
        .orElseThrow(
            () ->
                new HyggeException(
                    ErrorKind.STORE,
                    "Published "
                        + location
                        + " but it vanished right after (deleted by another process?)"));
  }

  @Override
  public void close() {
    if (done) {
      return;
    }
    done = true;
    try {
      channel.close();
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      throw new HyggeException(
          ErrorKind.STORE, "Cannot discard the partial upload " + temporary + ": " + e, e);
    }
  }

  private void discard(Exception cause) {
    try {
      channel.close();
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }

  private void ensureOpen() {
    if (done) {
      throw new IllegalStateException("Output to " + location + " is already committed or closed");
    }
  }
}
