package dev.hygge.storage.s3;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.OutputObject;
import dev.hygge.storage.WriteMode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Streams an object to S3: bytes collect in one part-sized buffer; a full buffer becomes a part of
 * a multipart upload, started on the first full part. An object smaller than one part is a single
 * PUT. Committing completes the upload (with {@code If-None-Match: *} for {@link
 * WriteMode#CREATE}); closing without a commit, or any failure, aborts it, so nothing becomes
 * visible.
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
  private final byte[] buffer;
  private final List<CompletedPart> parts = new ArrayList<>();
  private int filled;
  private long position;
  private String uploadId;
  private boolean done;

  S3OutputObject(S3ObjectStore store, S3Location location, WriteMode mode, int partSize) {
    this.store = store;
    this.client = store.client();
    this.location = location;
    this.mode = mode;
    this.buffer = new byte[partSize];
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
      int chunk = Math.min(left, buffer.length - filled);
      System.arraycopy(bytes, at, buffer, filled, chunk);
      filled += chunk;
      at += chunk;
      left -= chunk;
      position += chunk;
      if (filled == buffer.length) {
        uploadPart();
      }
    }
  }

  @Override
  public ObjectInfo commit() {
    ensureOpen();
    try {
      if (uploadId == null) {
        client.putObject(
            b -> b.bucket(location.bucket()).key(location.key()).ifNoneMatch(condition()), body());
      } else {
        if (filled > 0) {
          uploadPart();
        }
        client.completeMultipartUpload(
            b ->
                b.bucket(location.bucket())
                    .key(location.key())
                    .uploadId(uploadId)
                    .ifNoneMatch(condition())
                    .multipartUpload(u -> u.parts(parts)));
      }
      done = true;
    } catch (SdkException e) {
      HyggeException failure =
          S3Failures.isPreconditionFailed(e)
              ? S3Failures.exists(location, e)
              : S3Failures.translate(e, "write", location, ErrorKind.STORE);
      abortUpload(failure);
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
    if (done) {
      return;
    }
    abortUpload(null);
  }

  private void uploadPart() {
    try {
      if (uploadId == null) {
        uploadId =
            client
                .createMultipartUpload(
                    b -> b.bucket(location.bucket()).key(location.key()).contentType(CONTENT_TYPE))
                .uploadId();
      }
      int number = parts.size() + 1;
      UploadPartResponse response =
          client.uploadPart(
              b ->
                  b.bucket(location.bucket())
                      .key(location.key())
                      .uploadId(uploadId)
                      .partNumber(number)
                      .contentLength((long) filled),
              body());
      parts.add(CompletedPart.builder().partNumber(number).eTag(response.eTag()).build());
      filled = 0;
    } catch (SdkException e) {
      HyggeException failure = S3Failures.translate(e, "write", location, ErrorKind.STORE);
      abortUpload(failure);
      throw failure;
    }
  }

  /** The buffer as a body the SDK can re-read on retries, without copying it. */
  private RequestBody body() {
    int length = filled;
    return RequestBody.fromContentProvider(
        () -> new ByteArrayInputStream(buffer, 0, length), length, CONTENT_TYPE);
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
