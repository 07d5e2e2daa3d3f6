package dev.hygge.storage.gcs;

import com.google.cloud.ReadChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.StorageException;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.InputObject;
import dev.hygge.storage.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.util.Optional;

/**
 * A Cloud Storage object read with ranged requests: only the bytes asked for cross the network. The
 * first call fetches the object's metadata and pins its generation, so every later read sees the
 * same content, and a read after the object was replaced fails instead of mixing two versions.
 */
final class GcsInputObject implements InputObject {
  private static final int END_OF_STREAM = -1;

  private final GcsObjectStore store;
  private final GcsLocation location;
  private volatile Blob blob;

  GcsInputObject(GcsObjectStore store, GcsLocation location) {
    this.store = store;
    this.location = location;
  }

  @Override
  public Location location() {
    return location.location();
  }

  @Override
  public long length() {
    return GcsObjectStore.info(blob()).size();
  }

  @Override
  public void readFully(long position, byte[] buffer, int offset, int count) {
    if (count == 0) {
      return;
    }
    long length = length();
    long end = position + count;
    if (end > length) {
      throw HyggeException.home(
          "Cannot read "
              + count
              + " bytes at offset "
              + position
              + " of "
              + location
              + ": the object has only "
              + length
              + " bytes",
          null);
    }
    ByteBuffer target = ByteBuffer.wrap(buffer, offset, count);
    try (ReadChannel reader = rangeReader()) {
      reader.seek(position);
      reader.limit(end);
      while (target.hasRemaining()) {
        if (reader.read(target) == END_OF_STREAM) {
          throw HyggeException.home(
              "Cannot read "
                  + location
                  + ": the object ended early (got "
                  + (count - target.remaining())
                  + " of "
                  + count
                  + " bytes at offset "
                  + position
                  + "); read it again",
              null);
        }
      }
    } catch (IOException | StorageException e) {
      throw failure(e);
    }
  }

  /**
   * A stream over the whole object, read through the client's buffer; the caller closes it, which
   * closes the channel.
   */
  @Override
  public InputStream newStream() {
    return Channels.newInputStream(reader());
  }

  private Blob blob() {
    Blob current = blob;
    if (current == null) {
      current = store.blob(location).orElseThrow(() -> missing(null));
      blob = current;
    }
    return current;
  }

  /** A channel over the generation first seen. */
  private ReadChannel reader() {
    Blob pinned = blob();
    return store
        .client()
        .reader(BlobId.of(location.bucket(), location.name(), pinned.getGeneration()));
  }

  /** A channel without a buffer: it asks for exactly the range read, in one request. */
  private ReadChannel rangeReader() {
    ReadChannel reader = reader();
    reader.setChunkSize(0);
    return reader;
  }

  private HyggeException failure(Exception e) {
    Optional<StorageException> cause = GcsFailures.storageCause(e);
    if (cause.isEmpty()) {
      return HyggeException.home("Cannot read " + location + ": " + e, e);
    }
    StorageException storage = cause.get();
    if (storage.getCode() == GcsFailures.NOT_FOUND) {
      return HyggeException.home(
          "Cannot read "
              + location
              + ": the object was replaced or deleted while reading (generation "
              + blob.getGeneration()
              + " is gone); read it again",
          e);
    }
    return GcsFailures.translate(
        storage, "read", location, ErrorKind.HOME, store.options().maxAttempts());
  }

  private HyggeException missing(Exception cause) {
    return HyggeException.home(
        "Cannot read " + location + ": the object does not exist (check the object name)", cause);
  }
}
