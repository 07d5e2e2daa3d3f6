package dev.hygge.storage.azure;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.util.Context;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlockBlobItem;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.OutputObject;
import dev.hygge.storage.PartUploads;
import dev.hygge.storage.WriteMode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Streams a block blob: bytes collect in a block-sized buffer, and each full buffer is staged as an
 * uncommitted block, up to {@link AzureOptions#maxConcurrency()} at once. Committing stages the
 * rest, waits for every block, and commits the block list (with {@code If-None-Match: *} for {@link
 * WriteMode#CREATE}); an object smaller than one block is a single {@code Put Blob}. Closing
 * without a commit stages nothing more: uncommitted blocks are invisible to readers and listings,
 * and the service discards them after a week.
 */
final class AzureBlobOutputObject extends OutputObject {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(AzureBlobOutputObject.class);

  /** A block blob holds at most this many blocks. */
  static final int MAX_BLOCKS = 50_000;

  private static final String ANY_BLOB = "*";

  private final AzureLocation location;
  private final BlockBlobClient blob;
  private final WriteMode mode;
  private final int attempts;
  private final int blockSize;
  private final PartUploads stager;
  private final List<String> blockIds = new ArrayList<>();
  // Block ids of one blob must all have the same length; a random upload id keeps two writers'
  // uncommitted blocks of the same blob apart.
  private final String uploadId = UUID.randomUUID().toString();
  private int filled;
  private long position;
  private boolean done;

  AzureBlobOutputObject(
      AzureLocation location,
      BlockBlobClient blob,
      WriteMode mode,
      AzureOptions options,
      Executor executor) {
    this.location = location;
    this.blob = blob;
    this.mode = mode;
    this.attempts = options.maxAttempts();
    this.blockSize = options.blockSize();
    // A ByteArrayInputStream supports mark/reset, so the client can resend a block on a retry.
    this.stager =
        new PartUploads(
            (id, bytes, length) ->
                blob.stageBlock(id, new ByteArrayInputStream(bytes, 0, length), length),
            executor,
            options.maxConcurrency(),
            blockSize);
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
    int at = offset;
    int left = length;
    while (left > 0) {
      int chunk = Math.min(left, blockSize - filled);
      System.arraycopy(bytes, at, stager.buffer(), filled, chunk);
      filled += chunk;
      at += chunk;
      left -= chunk;
      position += chunk;
      if (filled == blockSize) {
        stageBlock();
      }
    }
  }

  @Override
  public ObjectInfo commit() {
    ensureOpen();
    BlockBlobItem item;
    try {
      if (blockIds.isEmpty()) {
        BlockBlobSimpleUploadOptions upload =
            new BlockBlobSimpleUploadOptions(
                    new ByteArrayInputStream(stager.buffer(), 0, filled), filled)
                .setRequestConditions(conditions());
        item = blob.uploadWithResponse(upload, null, Context.NONE).getValue();
      } else {
        if (filled > 0) {
          stageBlock();
        }
        stager.awaitAll();
        BlockBlobCommitBlockListOptions commit =
            new BlockBlobCommitBlockListOptions(blockIds).setRequestConditions(conditions());
        item = blob.commitBlockListWithResponse(commit, null, Context.NONE).getValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      done = true;
      throw HyggeException.store(
          "Interrupted while writing " + location + ": nothing was committed", e);
    } catch (RuntimeException e) {
      done = true;
      if (e instanceof HttpResponseException http && AzureFailures.isAlreadyExists(http)) {
        throw AzureFailures.exists(location, e);
      }
      throw AzureFailures.translate(e, "write", location, ErrorKind.STORE, attempts);
    }
    done = true;
    return new ObjectInfo(
        location.location(), position, item.getETag(), item.getLastModified().toInstant());
  }

  @Override
  public void close() {
    if (!done && !blockIds.isEmpty()) {
      done = true;
      awaitQuietly();
      LOG.debug(
          "Left {} uncommitted blocks of {}: invisible, and discarded by the service",
          blockIds.size(),
          location);
    }
    done = true;
  }

  private void stageBlock() {
    if (blockIds.size() == MAX_BLOCKS) {
      done = true;
      throw HyggeException.store(
          "Cannot write "
              + location
              + ": a block blob holds at most "
              + MAX_BLOCKS
              + " blocks of "
              + blockSize
              + " bytes (raise the block size)",
          null);
    }
    String id =
        Base64.getEncoder()
            .encodeToString(String.format("%s-%06d", uploadId, blockIds.size()).getBytes(UTF_8));
    try {
      stager.send(id, filled);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      done = true;
      throw HyggeException.store(
          "Interrupted while writing " + location + ": nothing was committed", e);
    } catch (RuntimeException e) {
      done = true;
      awaitQuietly();
      throw AzureFailures.translate(e, "write", location, ErrorKind.STORE, attempts);
    }
    blockIds.add(id);
    filled = 0;
  }

  /**
   * Waits for blocks still in flight before giving up on the upload, so none is sent after its
   * writer is gone; their outcome no longer matters, as they will never be committed.
   */
  private void awaitQuietly() {
    try {
      stager.awaitAll();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.debug("A block of abandoned upload {} failed too: {}", location, e.toString());
    }
  }

  private BlobRequestConditions conditions() {
    return mode == WriteMode.CREATE ? new BlobRequestConditions().setIfNoneMatch(ANY_BLOB) : null;
  }

  private void ensureOpen() {
    if (done) {
      throw new IllegalStateException("Output to " + location + " is already committed or closed");
    }
  }
}
