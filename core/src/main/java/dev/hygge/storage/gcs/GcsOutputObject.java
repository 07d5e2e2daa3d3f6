package dev.hygge.storage.gcs;

import com.google.cloud.WriteChannel;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage.BlobWriteOption;
import com.google.cloud.storage.StorageException;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.OutputObject;
import dev.hygge.storage.WriteMode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams an object to Cloud Storage as a resumable upload: the session starts when the object is
 * opened, the client buffers one chunk and sends each full chunk into the session, and an object
 * smaller than a chunk goes in one request at commit. Committing finalizes the upload (with {@code
 * ifGenerationMatch=0} for {@link WriteMode#CREATE}, so a concurrent creator makes it fail).
 * Closing without a commit, or any failure, drops the channel without finalizing: an upload that is
 * never finalized never becomes an object, and Cloud Storage discards the session after a week. The
 * client has no public call to cancel a session earlier.
 */
final class GcsOutputObject extends OutputObject {
  private static final Logger LOG = LoggerFactory.getLogger(GcsOutputObject.class);
  private static final String CONTENT_TYPE = "application/octet-stream";

  private final GcsObjectStore store;
  private final GcsLocation location;
  private WriteChannel channel;
  private long position;
  private boolean done;

  GcsOutputObject(GcsObjectStore store, GcsLocation location, WriteMode mode) {
    this.store = store;
    this.location = location;
    BlobInfo info =
        BlobInfo.newBuilder(location.bucket(), location.name())
            .setContentType(CONTENT_TYPE)
            .build();
    try {
      this.channel =
          mode == WriteMode.CREATE
              ? store.client().writer(info, BlobWriteOption.doesNotExist())
              : store.client().writer(info);
    } catch (StorageException e) {
      throw failure(e);
    }
    channel.setChunkSize((int) store.options().chunkSize());
  }

  @Override
  public Location location() {
    return location.location();
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
        position += channel.write(source);
      }
    } catch (IOException | StorageException e) {
      HyggeException failure = failure(e);
      discard();
      throw failure;
    }
  }

  @Override
  public ObjectInfo commit() {
    ensureOpen();
    try {
      // Closing the channel is what finalizes the upload: only commit ever does it.
      channel.close();
      done = true;
    } catch (IOException | StorageException e) {
      HyggeException failure = failure(e);
      discard();
      throw failure;
    }
    return store
        .stat(location.location())
        .orElseThrow(
            () ->
                new HyggeException(
                    ErrorKind.STORE,
                    "Wrote "
                        + location
                        + " but it vanished right after (deleted by another writer?)"));
  }

  @Override
  public void close() {
    if (!done) {
      discard();
      LOG.debug("Dropped the unfinalized upload of {}", location);
    }
  }

  /** Forgets the upload without finalizing it, so nothing becomes visible. */
  private void discard() {
    done = true;
    channel = null;
  }

  private HyggeException failure(Exception e) {
    Optional<StorageException> cause = GcsFailures.storageCause(e);
    if (cause.isEmpty()) {
      return HyggeException.store("Cannot write " + location + ": " + e, e);
    }
    StorageException storage = cause.get();
    if (GcsFailures.isPreconditionFailed(storage)) {
      return GcsFailures.exists(location, e);
    }
    return GcsFailures.translate(
        storage, "write", location, ErrorKind.STORE, store.options().maxAttempts());
  }

  private void ensureOpen() {
    if (done) {
      throw new IllegalStateException("Output to " + location + " is already committed or closed");
    }
  }
}
