package dev.hygge.storage.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Turns Azure SDK exceptions (Blob and Data Lake alike) into messages that say what failed and what
 * to check. The service's error code comes from the {@code x-ms-error-code} header, which every
 * response carries, even those to {@code HEAD} requests.
 */
final class AzureFailures {
  static final int NOT_FOUND = 404;
  private static final int UNAUTHORIZED = 401;
  private static final int FORBIDDEN = 403;
  private static final int CONFLICT = 409;
  private static final int PRECONDITION_FAILED = 412;
  private static final int TOO_MANY_REQUESTS = 429;
  private static final int SERVER_ERROR = 500;
  private static final String ERROR_CODE_HEADER = "x-ms-error-code";
  private static final Set<String> MISSING_CONTAINER =
      Set.of("ContainerNotFound", "FilesystemNotFound");
  private static final Set<String> ALREADY_EXISTS =
      Set.of("BlobAlreadyExists", "PathAlreadyExists", "ConditionNotMet");

  private static final Set<String> COPY_SOURCE_REFUSED =
      Set.of("CannotVerifyCopySource", "AuthorizationFailure", "AuthenticationFailed");

  private AzureFailures() {}

  static int status(HttpResponseException e) {
    return e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
  }

  static String code(HttpResponseException e) {
    String code =
        e.getResponse() == null ? null : e.getResponse().getHeaderValue(ERROR_CODE_HEADER);
    return code == null ? "" : code;
  }

  static boolean isMissingContainer(HttpResponseException e) {
    return MISSING_CONTAINER.contains(code(e));
  }

  /**
   * Whether Copy Blob was refused because the service could not authorise reading its source (the
   * request's SAS token does not cover it).
   */
  static boolean isCopySourceRefused(HttpResponseException e) {
    return COPY_SOURCE_REFUSED.contains(code(e));
  }

  /** Whether a conditional create or rename failed because something is already there. */
  static boolean isAlreadyExists(HttpResponseException e) {
    return (status(e) == CONFLICT || status(e) == PRECONDITION_FAILED)
        && ALREADY_EXISTS.contains(code(e));
  }

  static HyggeException missingContainer(AzureLocation location, String action, Exception cause) {
    String what =
        location.isOneLake()
            ? "workspace '"
                + location.container()
                + "' does not exist in OneLake (check the workspace name, and that the identity in"
                + " use is a member of it)"
            : "container '"
                + location.container()
                + "' does not exist in storage account '"
                + location.account()
                + "' (check the container name and the account, and that the credential in use"
                + " belongs to that account)";
    return new HyggeException(
        ErrorKind.CONFIG, "Cannot " + action + " " + location + ": " + what, cause);
  }

  static HyggeException exists(AzureLocation location, Exception cause) {
    return new HyggeException(
        ErrorKind.STORE,
        "Cannot create "
            + location
            + ": an object already exists there (delete it first or write with overwrite)",
        cause);
  }

  static HyggeException missingObject(AzureLocation location, Exception cause) {
    return HyggeException.home(
        "Cannot read " + location + ": the object does not exist (check the path)", cause);
  }

  /**
   * The exception for a failed request, after the client's retries.
   *
   * @param kind HOME for reads, STORE for writes
   */
  static HyggeException translate(
      RuntimeException e, String action, AzureLocation location, ErrorKind kind, int attempts) {
    if (e instanceof HyggeException hygge) {
      return hygge;
    }
    if (e instanceof ClientAuthenticationException) {
      return new HyggeException(
          ErrorKind.CREDENTIAL,
          "Cannot "
              + action
              + " "
              + location
              + ": the credential could not get a token ("
              + e.getMessage()
              + "); check the tenant, client id and secret or the managed identity",
          e);
    }
    if (!(e instanceof HttpResponseException http) && !isTransport(e)) {
      return new HyggeException(kind, "Cannot " + action + " " + location + ": " + e, e);
    }
    if (!(e instanceof HttpResponseException http)) {
      return new HyggeException(
          kind,
          "Cannot "
              + action
              + " "
              + location
              + ": "
              + e
              + " (gave up after "
              + attempts
              + " attempts; check the network and the endpoint of storage account '"
              + location.account()
              + "')",
          e);
    }
    int status = status(http);
    String code = code(http);
    if (isMissingContainer(http)) {
      return missingContainer(location, action, e);
    }
    if (status == UNAUTHORIZED || status == FORBIDDEN) {
      return new HyggeException(
          ErrorKind.CREDENTIAL,
          "Cannot "
              + action
              + " "
              + location
              + ": access denied by storage account '"
              + location.account()
              + "' ("
              + status
              + " "
              + code
              + "; check the account key or SAS token and that it has not expired, that the"
              + " identity has a Storage Blob Data role on container '"
              + location.container()
              + "', and the account's firewall)",
          e);
    }
    if (status == TOO_MANY_REQUESTS || status >= SERVER_ERROR) {
      return new HyggeException(
          kind,
          "Cannot "
              + action
              + " "
              + location
              + ": the service is busy or failing ("
              + status
              + " "
              + code
              + ") after "
              + attempts
              + " attempts (retry later, or raise the attempts)",
          e);
    }
    return new HyggeException(
        kind,
        "Cannot " + action + " " + location + ": " + status + " " + code + ": " + firstLine(e),
        e);
  }

  /** Whether the client gave up on the connection: an I/O failure or a timeout, however wrapped. */
  static boolean isTransport(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException || cause instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
