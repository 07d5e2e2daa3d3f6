package dev.hygge.storage.gcs;

import com.google.cloud.storage.StorageException;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns client exceptions into messages that say what failed and what to check. */
final class GcsFailures {
  static final int NOT_FOUND = 404;
  private static final int NO_HTTP_RESPONSE = 0;
  private static final int UNAUTHORIZED = 401;
  private static final int FORBIDDEN = 403;
  private static final int REQUEST_TIMEOUT = 408;
  private static final int PRECONDITION_FAILED = 412;
  private static final int TOO_MANY_REQUESTS = 429;
  private static final int FIRST_SERVER_ERROR = 500;

  /** The JSON API error's message, inside the raw response some client paths put in theirs. */
  private static final Pattern JSON_MESSAGE =
      Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private static final Pattern ATTEMPTS = Pattern.compile("\\(attempts: ([0-9]+),");

  private GcsFailures() {}

  static HyggeException missingBucket(String action, GcsLocation location, Exception cause) {
    return new HyggeException(
        ErrorKind.CONFIG,
        "Cannot "
            + action
            + " "
            + location
            + ": bucket '"
            + location.bucket()
            + "' does not exist (check the bucket name, and that the credential in use belongs to"
            + " the project that owns the bucket)",
        cause);
  }

  static HyggeException exists(GcsLocation location, Exception cause) {
    return new HyggeException(
        ErrorKind.STORE,
        "Cannot create "
            + location
            + ": an object already exists there (delete it first or write with overwrite)",
        cause);
  }

  static boolean isPreconditionFailed(StorageException e) {
    return e.getCode() == PRECONDITION_FAILED;
  }

  static boolean isAccessDenied(StorageException e) {
    return e.getCode() == UNAUTHORIZED || e.getCode() == FORBIDDEN;
  }

  /** The exception in {@code failure}'s causes that the client threw, if there is one. */
  static Optional<StorageException> storageCause(Throwable failure) {
    for (Throwable at = failure; at != null; at = at.getCause()) {
      if (at instanceof StorageException storage) {
        return Optional.of(storage);
      }
    }
    return Optional.empty();
  }

  /**
   * The exception for a failed request, after the client's retries. A 404 here means the bucket:
   * callers that can get a 404 for a missing object handle it before.
   *
   * @param kind HOME for reads, STORE for writes
   * @param maxAttempts how many attempts the client makes on a retried error, for when it does not
   *     say how many it made
   */
  static HyggeException translate(
      StorageException e, String action, GcsLocation location, ErrorKind kind, int maxAttempts) {
    int code = e.getCode();
    String failed = "Cannot " + action + " " + location + ": ";
    if (code == NOT_FOUND) {
      return missingBucket(action, location, e);
    }
    if (code == UNAUTHORIZED) {
      return new HyggeException(
          ErrorKind.CREDENTIAL,
          failed
              + "the credential was refused (HTTP 401: "
              + detail(e)
              + "); check that it is valid and not expired, and that it is meant for Cloud"
              + " Storage",
          e);
    }
    if (code == FORBIDDEN) {
      return new HyggeException(
          ErrorKind.CREDENTIAL,
          failed
              + "access denied (HTTP 403: "
              + detail(e)
              + "); check that the credential in use may "
              + action
              + " objects in bucket '"
              + location.bucket()
              + "' (its IAM roles on the bucket or project, e.g. roles/storage.objectViewer to"
              + " read, roles/storage.objectUser to write)",
          e);
    }
    String what =
        code == NO_HTTP_RESPONSE
            ? "the connection to Cloud Storage failed (" + detail(e) + ")"
            : "Cloud Storage answered HTTP " + code + " (" + detail(e) + ")";
    int attempts = attemptsMade(e).orElse(isRetriedStatus(code) ? maxAttempts : 1);
    if (attempts > 1) {
      return new HyggeException(
          kind,
          failed
              + what
              + " on all "
              + attempts
              + " attempts; try again later, or allow more attempts (maxAttempts)",
          e);
    }
    return new HyggeException(kind, failed + what, e);
  }

  /**
   * What Cloud Storage said: the JSON error's message when the client's message carries the raw
   * response (status line, request line, body), else the client's message.
   */
  static String detail(StorageException e) {
    if (e.getCode() == NO_HTTP_RESPONSE && e.getCause() != null) {
      // The client says "Unknown Error"; the I/O failure under it says what happened.
      return String.valueOf(e.getCause().getMessage());
    }
    String message = String.valueOf(e.getMessage());
    if (message.indexOf('\n') < 0) {
      return message;
    }
    Matcher json = JSON_MESSAGE.matcher(message);
    return json.find() ? json.group(1) : message.lines().findFirst().orElse(message);
  }

  /** Whether the client's uniform retry strategy retries this HTTP status. */
  private static boolean isRetriedStatus(int code) {
    return code == REQUEST_TIMEOUT || code == TOO_MANY_REQUESTS || code >= FIRST_SERVER_ERROR;
  }

  /**
   * How many attempts the client made, from the note it attaches when it stops retrying ("...
   * (attempts: 3, maxAttempts: 3, ...)"), or empty when it attached none.
   */
  private static OptionalInt attemptsMade(StorageException e) {
    for (Throwable note : e.getSuppressed()) {
      Matcher attempts = ATTEMPTS.matcher(String.valueOf(note.getMessage()));
      if (attempts.find()) {
        return OptionalInt.of(Integer.parseInt(attempts.group(1)));
      }
    }
    return OptionalInt.empty();
  }
}
