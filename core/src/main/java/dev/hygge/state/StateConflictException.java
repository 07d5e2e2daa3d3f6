package dev.hygge.state;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;

/**
 * An entity's state changed underneath a compare-and-swap write: nothing was written, and the
 * caller may re-read and decide again.
 */
public final class StateConflictException extends HyggeException {
  public StateConflictException(String message) {
    super(ErrorKind.STATE, message);
  }
}
