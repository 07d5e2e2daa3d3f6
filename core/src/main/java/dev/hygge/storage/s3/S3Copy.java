package dev.hygge.storage.s3;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Copies an object inside S3: one CopyObject up to S3's 5 GiB limit, a multipart copy of ranges
 * above it. A failed multipart copy is aborted, so nothing partial stays behind.
 */
final class S3Copy {
  /** The largest object one CopyObject request copies. */
  static final long MAX_SINGLE_COPY = 5L * 1024 * 1024 * 1024;

  /** Bytes per part of a multipart copy. */
  static final long COPY_PART_SIZE = 512L * 1024 * 1024;

  private S3Copy() {}

  static void copy(S3Client client, S3Location from, S3Location to, long size) {
    if (size <= MAX_SINGLE_COPY) {
      client.copyObject(
          b ->
              b.sourceBucket(from.bucket())
                  .sourceKey(from.key())
                  .destinationBucket(to.bucket())
                  .destinationKey(to.key()));
      return;
    }
    String uploadId =
        client.createMultipartUpload(b -> b.bucket(to.bucket()).key(to.key())).uploadId();
    try {
      List<CompletedPart> parts = new ArrayList<>();
      int number = 1;
      for (long start = 0; start < size; start += COPY_PART_SIZE, number++) {
        long end = Math.min(size, start + COPY_PART_SIZE) - 1;
        int part = number;
        String range = "bytes=" + start + "-" + end;
        String etag =
            client
                .uploadPartCopy(
                    b ->
                        b.sourceBucket(from.bucket())
                            .sourceKey(from.key())
                            .destinationBucket(to.bucket())
                            .destinationKey(to.key())
                            .uploadId(uploadId)
                            .partNumber(part)
                            .copySourceRange(range))
                .copyPartResult()
                .eTag();
        parts.add(CompletedPart.builder().partNumber(part).eTag(etag).build());
      }
      client.completeMultipartUpload(
          b ->
              b.bucket(to.bucket())
                  .key(to.key())
                  .uploadId(uploadId)
                  .multipartUpload(m -> m.parts(parts)));
    } catch (RuntimeException e) {
      try {
        client.abortMultipartUpload(b -> b.bucket(to.bucket()).key(to.key()).uploadId(uploadId));
      } catch (SdkException abort) {
        e.addSuppressed(abort);
      }
      throw e;
    }
  }
}
