package dev.hygge.storage;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;

/**
 * A conditional write or delete got no answer (a timeout, a dropped connection, a server error
 * after the request was sent): it may or may not have happened, so the caller must re-read.
 */
public final class WriteOutcomeUnknownException extends HyggeException {
  public WriteOutcomeUnknownException(String message, Throwable cause) {
    super(ErrorKind.STORE, message, cause);
  }
}
