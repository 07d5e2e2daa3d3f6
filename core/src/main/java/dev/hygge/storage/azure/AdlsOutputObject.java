package dev.hygge.storage.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.util.Context;
import com.azure.storage.file.datalake.DataLakeFileClient;
import com.azure.storage.file.datalake.DataLakeFileSystemClient;
import com.azure.storage.file.datalake.models.DataLakeRequestConditions;
import com.azure.storage.file.datalake.options.DataLakeFileFlushOptions;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.OutputObject;
import dev.hygge.storage.WriteMode;
import java.io.ByteArrayInputStream;
import java.util.UUID;

/**
 * Streams a Data Lake file: bytes collect in one block-sized buffer, and each full buffer is
 * appended to a hidden upload file beside the target ({@code .hygge-upload-<uuid>}, created on the
 * first append). Committing appends the rest, flushes with {@code close=true}, and renames the
 * upload onto the target in one atomic step (with {@code If-None-Match: *} on the target for {@link
 * WriteMode#CREATE}). Closing without a commit, or any failure, deletes the upload file.
 */
final class AdlsOutputObject extends OutputObject {
  private static final String ANY_PATH = "*";

  private final AdlsObjectStore store;
  private final AzureLocation location;
  private final DataLakeFileSystemClient fileSystem;
  private final WriteMode mode;
  private final int attempts;
  private final byte[] buffer;
  private final String uploadPath;
  private DataLakeFileClient upload;
  private int filled;
  private long appended;
  private boolean done;

  AdlsOutputObject(
      AdlsObjectStore store,
      AzureLocation location,
      DataLakeFileSystemClient fileSystem,
      WriteMode mode) {
    this.store = store;
    this.location = location;
    this.fileSystem = fileSystem;
    this.mode = mode;
    this.attempts = store.options().maxAttempts();
    this.buffer = new byte[store.options().blockSize()];
    String path = location.path();
    this.uploadPath =
        path.substring(0, path.lastIndexOf('/') + 1)
            + AdlsObjectStore.UPLOAD_PREFIX
            + UUID.randomUUID();
  }

  @Override
  public Location location() {
    return location.location();
  }

  @Override
  public long position() {
    return appended + filled;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    ensureOpen();
    int at = offset;
    int left = length;
    while (left > 0) {
      int chunk = Math.min(left, buffer.length - filled);
      System.arraycopy(bytes, at, buffer, filled, chunk);
      filled += chunk;
      at += chunk;
      left -= chunk;
      if (filled == buffer.length) {
        append();
      }
    }
  }

  @Override
  public ObjectInfo commit() {
    ensureOpen();
    if (filled > 0 || upload == null) {
      append();
    }
    try {
      upload.flushWithResponse(
          appended, new DataLakeFileFlushOptions().setClose(true), null, Context.NONE);
      DataLakeRequestConditions target =
          mode == WriteMode.CREATE
              ? new DataLakeRequestConditions().setIfNoneMatch(ANY_PATH)
              : null;
      upload.renameWithResponse(null, location.path(), null, target, null, Context.NONE);
    } catch (RuntimeException e) {
      HyggeException failure =
          e instanceof HttpResponseException http && AzureFailures.isAlreadyExists(http)
              ? AzureFailures.exists(location, e)
              : AzureFailures.translate(e, "write", location, ErrorKind.STORE, attempts);
      discard(failure);
      throw failure;
    }
    done = true;
    return store
        .stat(location.location())
        .orElseThrow(
            () ->
                HyggeException.store(
                    "Wrote "
                        + location
                        + " but it vanished right after (deleted by another writer?)",
                    null));
  }

  @Override
  public void close() {
    if (!done) {
      discard(null);
    }
  }

  private void append() {
    try {
      if (upload == null) {
        // overwrite=false sends If-None-Match: *, so two uploads never share a file.
        upload = fileSystem.createFile(uploadPath, false);
      }
      if (filled > 0) {
        upload.append(new ByteArrayInputStream(buffer, 0, filled), appended, filled);
        appended += filled;
        filled = 0;
      }
    } catch (RuntimeException e) {
      HyggeException failure =
          AzureFailures.translate(e, "write", location, ErrorKind.STORE, attempts);
      discard(failure);
      throw failure;
    }
  }

  /** Deletes the upload file; a failure to delete is added to {@code cause} or thrown. */
  private void discard(HyggeException cause) {
    done = true;
    if (upload == null) {
      return;
    }
    try {
      upload.deleteIfExists();
    } catch (RuntimeException e) {
      HyggeException delete =
          HyggeException.store(
              "Cannot delete the unfinished upload "
                  + uploadPath
                  + " of "
                  + location
                  + " (listings skip it; delete it by hand): "
                  + e.getMessage(),
              e);
      if (cause == null) {
        throw delete;
      }
      cause.addSuppressed(delete);
    }
  }

  private void ensureOpen() {
    if (done) {
      throw new IllegalStateException("Output to " + location + " is already committed or closed");
    }
  }
}
