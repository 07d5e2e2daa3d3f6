package dev.hygge.storage.local;

import dev.hygge.HyggeException;
import dev.hygge.storage.InputObject;
import dev.hygge.storage.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A local file read through positional reads on a {@link FileChannel}. */
final class LocalInputObject implements InputObject {
  private final Location location;
  private final Path path;

  LocalInputObject(Location location, Path path) {
    this.location = location;
    this.path = path;
  }

  @Override
  public Location location() {
    return location;
  }

  @Override
  public long length() {
    try {
      return Files.size(path);
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public void readFully(long position, byte[] buffer, int offset, int length) {
    ByteBuffer target = ByteBuffer.wrap(buffer, offset, length);
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long at = position;
      while (target.hasRemaining()) {
        int read = channel.read(target, at);
        if (read < 0) {
          throw HyggeException.home(
              "Cannot read "
                  + length
                  + " bytes at offset "
                  + position
                  + " of "
                  + location
                  + ": the object has only "
                  + channel.size()
                  + " bytes",
              null);
        }
        at += read;
      }
    } catch (IOException e) {
      throw failure(e);
    }
  }

  @Override
  public InputStream newStream() {
    try {
      return Files.newInputStream(path);
    } catch (IOException e) {
      throw failure(e);
    }
  }

  private HyggeException failure(IOException e) {
    if (e instanceof NoSuchFileException) {
      return HyggeException.home(
          "Cannot read " + location + ": the object does not exist (check the path)", e);
    }
    return HyggeException.home("Cannot read " + location + ": " + e, e);
  }
}
