package dev.hygge.state;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;

/**
 * A state write failed in a way that leaves unknown whether it happened: the caller must not clean
 * up as if it had failed, nor go on as if it had succeeded, but re-read.
 */
public final class StateOutcomeUnknownException extends HyggeException {
  public StateOutcomeUnknownException(String message, Throwable cause) {
    super(ErrorKind.STATE, message, cause);
  }
}
