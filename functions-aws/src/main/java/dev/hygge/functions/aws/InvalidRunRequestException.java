package dev.hygge.functions.aws;

import dev.hygge.HyggeException;

/**
 * Lambda's client error for a manual run: the request or the project is invalid, so a retry would
 * fail the same way. Lambda reports it with this class as the {@code errorType}, which retry
 * policies and destinations can match.
 */
public final class InvalidRunRequestException extends RuntimeException {
  InvalidRunRequestException(HyggeException cause) {
    super(cause.getMessage(), cause);
  }
}
