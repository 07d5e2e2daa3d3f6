package dev.hygge.storage.s3;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.VersionedBytes;
import dev.hygge.storage.WriteCondition;
import dev.hygge.storage.WriteConditionFailedException;
import dev.hygge.storage.WriteOutcomeUnknownException;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Conditional writes on S3: {@code PutObject} with {@code If-None-Match: *} or {@code If-Match:
 * <etag>}, and {@code DeleteObject} with {@code If-Match}. 412 Precondition Failed, 409
 * ConditionalRequestConflict and a 404 under {@code If-Match} are a lost race; no reply (a timeout,
 * a dropped connection) or a server error leaves the outcome unknown.
 */
final class S3ConditionalWrites {
  private static final int NOT_FOUND = 404;
  private static final int CONFLICT = 409;
  private static final int PRECONDITION_FAILED = 412;
  private static final int FIRST_SERVER_ERROR = 500;
  private static final String ANY_OBJECT = "*";

  private final S3ObjectStore store;

  S3ConditionalWrites(S3ObjectStore store) {
    this.store = store;
  }

  Optional<VersionedBytes> read(Location location) {
    S3Location s3 = S3Location.of(location);
    try {
      ResponseBytes<GetObjectResponse> response =
          store.client().getObjectAsBytes(b -> b.bucket(s3.bucket()).key(s3.key()));
      return Optional.of(new VersionedBytes(response.asByteArray(), response.response().eTag()));
    } catch (NoSuchKeyException e) {
      return store.stat(location).isEmpty() ? Optional.empty() : read(location);
    } catch (SdkException e) {
      throw S3Failures.translate(e, "read", s3, ErrorKind.HOME);
    }
  }

  ObjectInfo write(Location location, byte[] bytes, WriteCondition condition) {
    S3Location s3 = S3Location.of(location);
    try {
      PutObjectResponse response =
          store
              .client()
              .putObject(
                  b -> {
                    b.bucket(s3.bucket()).key(s3.key());
                    if (condition instanceof WriteCondition.Matches matches) {
                      b.ifMatch(matches.version());
                    } else {
                      b.ifNoneMatch(ANY_OBJECT);
                    }
                  },
                  RequestBody.fromBytes(bytes));
      return new ObjectInfo(location, bytes.length, response.eTag(), Instant.now());
    } catch (SdkException e) {
      throw failure(e, "write", s3, condition);
    }
  }

  void delete(Location location, String version) {
    S3Location s3 = S3Location.of(location);
    Optional<ObjectInfo> current = store.stat(location);
    if (current.isEmpty() || !current.get().version().equals(version)) {
      throw conflict("delete", s3, WriteCondition.matches(version), null);
    }
    try {
      store.client().deleteObject(b -> b.bucket(s3.bucket()).key(s3.key()).ifMatch(version));
    } catch (SdkException e) {
      throw failure(e, "delete", s3, WriteCondition.matches(version));
    }
  }

  private static HyggeException failure(
      SdkException e, String action, S3Location location, WriteCondition condition) {
    if (e instanceof S3Exception s3) {
      int status = s3.statusCode();
      if (status == PRECONDITION_FAILED
          || status == CONFLICT
          || (status == NOT_FOUND
              && condition instanceof WriteCondition.Matches
              && !S3Failures.isMissingBucket(e))) {
        return conflict(action, location, condition, e);
      }
      if (status >= FIRST_SERVER_ERROR) {
        return unknown(action, location, e);
      }
      return S3Failures.translate(e, action, location, ErrorKind.STORE);
    }
    if (e instanceof SdkClientException) {
      return unknown(action, location, e);
    }
    return S3Failures.translate(e, action, location, ErrorKind.STORE);
  }

  private static WriteConditionFailedException conflict(
      String action, S3Location location, WriteCondition condition, Exception cause) {
    return new WriteConditionFailedException(
        "Cannot "
            + action
            + " "
            + location
            + ": it changed underneath (expected "
            + (condition instanceof WriteCondition.Matches m ? "ETag " + m.version() : "no object")
            + "); nothing was written",
        cause);
  }

  private static WriteOutcomeUnknownException unknown(
      String action, S3Location location, Exception cause) {
    return new WriteOutcomeUnknownException(
        "Cannot tell whether the "
            + action
            + " of "
            + location
            + " happened: "
            + cause.getMessage()
            + ". Read it again before going on.",
        cause);
  }
}
