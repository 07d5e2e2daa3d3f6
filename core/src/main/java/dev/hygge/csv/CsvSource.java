package dev.hygge.csv;

import static java.util.Objects.requireNonNull;

import dev.hygge.storage.InputObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One CSV file to read, on local disk or in an object store (streamed, never downloaded first).
 *
 * @param name the file as messages name it, relative to the project where possible
 * @param opener opens the file's bytes from the start
 */
record CsvSource(String name, Opener opener) {
  /** Opens a file's bytes. */
  interface Opener {
    InputStream open() throws IOException;
  }

  CsvSource {
    requireNonNull(name, "name is null");
    requireNonNull(opener, "opener is null");
  }

  /** A local file. */
  static CsvSource local(Path file, String name) {
    return new CsvSource(
        name, () -> Channels.newInputStream(FileChannel.open(file, StandardOpenOption.READ)));
  }

  /** An object. */
  static CsvSource object(InputObject object) {
    return new CsvSource(object.location().toString(), object::newStream);
  }
}
