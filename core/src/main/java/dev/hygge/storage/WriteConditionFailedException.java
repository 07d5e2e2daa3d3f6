package dev.hygge.storage;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;

/**
 * A conditional write or delete found the object in another state than its condition named (a lost
 * compare-and-swap race): nothing was written.
 */
public final class WriteConditionFailedException extends HyggeException {
  public WriteConditionFailedException(String message, Throwable cause) {
    super(ErrorKind.STORE, message, cause);
  }
}
