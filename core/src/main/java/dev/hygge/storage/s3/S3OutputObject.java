package dev.hygge.storage.s3;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.OutputObject;
import dev.hygge.storage.PartUploads;
import dev.hygge.storage.WriteMode;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Streams an object to S3: bytes collect in a part-sized buffer; a full buffer becomes a part of a
 * multipart upload, started on the first full part, and up to {@link S3Options#uploadConcurrency()}
 * parts are uploaded at once while the next one fills. An object smaller than one part is a single
 * PUT. Committing waits for every part and completes the upload (with {@code If-None-Match: *} for
 * {@link WriteMode#CREATE}); closing without a commit, or any failure, aborts it, so nothing
 * becomes visible.
 */
final class S3OutputObject extends OutputObject {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(S3OutputObject.class);
  private static final String CONTENT_TYPE = "application/octet-stream";
  private static final String ANY_OBJECT = "*";

  private final S3ObjectStore store;
  private final S3Client client;
  private final S3Location location;
  private final WriteMode mode;
  private final int partSize;
  private final PartUploads uploads;
  private final Map<Integer, CompletedPart> parts = new ConcurrentSkipListMap<>();
  private int partsSent;
  private int filled;
  private long position;
  private volatile String uploadId;
  private boolean done;

  S3OutputObject(
      S3ObjectStore store,
      S3Location location,
      WriteMode mode,
      S3Options options,
      Executor executor) {
    this.store = store;
    this.client = store.client();
    this.location = location;
    this.mode = mode;
    this.partSize = (int) options.partSize();
    this.uploads =
        new PartUploads(this::uploadPart, executor, options.uploadConcurrency(), partSize);
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
      int chunk = Math.min(left, partSize - filled);
      System.arraycopy(bytes, at, uploads.buffer(), filled, chunk);
      filled += chunk;
      at += chunk;
      left -= chunk;
      position += chunk;
      if (filled == partSize) {
        sendPart();
      }
    }
  }

  @Override
  public ObjectInfo commit() {
    ensureOpen();
    try {
      if (uploadId == null) {
        byte[] bytes = uploads.buffer();
        client.putObject(
            b -> b.bucket(location.bucket()).key(location.key()).ifNoneMatch(condition()),
            body(bytes, filled));
      } else {
        if (filled > 0) {
          sendPart();
        }
        uploads.awaitAll();
        List<CompletedPart> completed = List.copyOf(parts.values());
        client.completeMultipartUpload(
            b ->
                b.bucket(location.bucket())
                    .key(location.key())
                    .uploadId(uploadId)
                    .ifNoneMatch(condition())
                    .multipartUpload(u -> u.parts(completed)));
      }
      done = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed(
          new HyggeException(
              ErrorKind.STORE,
              "Interrupted while writing " + location + ": nothing was committed",
              e));
    } catch (SdkException e) {
      throw failed(
          S3Failures.isPreconditionFailed(e)
              ? S3Failures.exists(location, e)
              : S3Failures.translate(e, "write", location, ErrorKind.STORE));
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
    if (done) {
      return;
    }
    awaitQuietly();
    abortUpload(null);
  }

  private void sendPart() {
    try {
      if (uploadId == null) {
        uploadId =
            client
                .createMultipartUpload(
                    b -> b.bucket(location.bucket()).key(location.key()).contentType(CONTENT_TYPE))
                .uploadId();
      }
      partsSent++;
      uploads.send(Integer.toString(partsSent), filled);
      filled = 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed(
          new HyggeException(
              ErrorKind.STORE,
              "Interrupted while writing " + location + ": nothing was committed",
              e));
    } catch (SdkException e) {
      throw failed(S3Failures.translate(e, "write", location, ErrorKind.STORE));
    }
  }

  /** Uploads one part; runs on the store's upload threads. */
  private void uploadPart(String key, byte[] bytes, int length) {
    int number = Integer.parseInt(key);
    UploadPartResponse response =
        client.uploadPart(
            b ->
                b.bucket(location.bucket())
                    .key(location.key())
                    .uploadId(uploadId)
                    .partNumber(number)
                    .contentLength((long) length),
            body(bytes, length));
    parts.put(number, CompletedPart.builder().partNumber(number).eTag(response.eTag()).build());
  }

  /** A failure after which the upload is abandoned: parts in flight end, then it is aborted. */
  private HyggeException failed(HyggeException failure) {
    awaitQuietly();
    abortUpload(failure);
    return failure;
  }

  /** Waits for parts still in flight, so none is sent after the upload is aborted. */
  private void awaitQuietly() {
    try {
      uploads.awaitAll();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.debug("A part of abandoned upload {} failed too: {}", location, e.toString());
    }
  }

  /** The bytes as a body the SDK can re-read on retries, without copying them. */
  private static RequestBody body(byte[] bytes, int length) {
    return RequestBody.fromContentProvider(
        () -> new ByteArrayInputStream(bytes, 0, length), length, CONTENT_TYPE);
  }

  private String condition() {
    return mode == WriteMode.CREATE ? ANY_OBJECT : null;
  }

  /** Aborts the multipart upload; a failure to abort is added to {@code cause} or thrown. */
  private void abortUpload(HyggeException cause) {
    done = true;
    if (uploadId == null) {
      return;
    }
    try {
      client.abortMultipartUpload(
          b -> b.bucket(location.bucket()).key(location.key()).uploadId(uploadId));
      LOG.debug("Aborted the multipart upload of {}", location);
    } catch (SdkException e) {
      HyggeException abort =
          new HyggeException(
              ErrorKind.STORE,
              "Cannot abort the multipart upload "
                  + uploadId
                  + " of "
                  + location
                  + ": its parts stay billed until a lifecycle rule removes them (add an"
                  + " AbortIncompleteMultipartUpload rule to the bucket): "
                  + e.getMessage(),
              e);
      if (cause == null) {
        throw abort;
      }
      cause.addSuppressed(abort);
    }
  }

  private void ensureOpen() {
    if (done) {
      throw new IllegalStateException("Output to " + location + " is already committed or closed");
    }
  }
}
