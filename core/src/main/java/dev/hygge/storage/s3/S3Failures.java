package dev.hygge.storage.s3;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Turns SDK exceptions into messages that say what failed and what to check. */
final class S3Failures {
  private static final int FORBIDDEN = 403;
  private static final int PRECONDITION_FAILED = 412;

  private S3Failures() {}

  static HyggeException missingBucket(
      String bucket, String action, S3Location location, Exception cause) {
    return new HyggeException(
        ErrorKind.CONFIG,
        "Cannot "
            + action
            + " "
            + location
            + ": bucket '"
            + bucket
            + "' does not exist (check the bucket name, the region and the endpoint, and that the"
            + " credential in use belongs to the account that owns the bucket)",
        cause);
  }

  static boolean isMissingBucket(SdkException e) {
    return e instanceof NoSuchBucketException
        || (e instanceof S3Exception s3
            && s3.awsErrorDetails() != null
            && "NoSuchBucket".equals(s3.awsErrorDetails().errorCode()));
  }

  static boolean isPreconditionFailed(SdkException e) {
    return e instanceof S3Exception s3 && s3.statusCode() == PRECONDITION_FAILED;
  }

  static HyggeException exists(S3Location location, Exception cause) {
    return new HyggeException(
        ErrorKind.STORE,
        "Cannot create "
            + location
            + ": an object already exists there (delete it first or write with overwrite)",
        cause);
  }

  /**
   * The exception for a failed request, after the SDK's retries.
   *
   * @param kind HOME for reads, STORE for writes
   */
  static HyggeException translate(
      SdkException e, String action, S3Location location, ErrorKind kind) {
    if (isMissingBucket(e)) {
      return missingBucket(location.bucket(), action, location, e);
    }
    if (e instanceof S3Exception s3 && s3.statusCode() == FORBIDDEN) {
      return new HyggeException(
          ErrorKind.CREDENTIAL,
          "Cannot "
              + action
              + " "
              + location
              + ": access denied (check that the credential in use may "
              + action
              + " objects in bucket '"
              + location.bucket()
              + "', and its bucket policy)",
          e);
    }
    return new HyggeException(kind, "Cannot " + action + " " + location + ": " + e.getMessage(), e);
  }
}
