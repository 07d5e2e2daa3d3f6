package dev.hygge;

import static java.util.Objects.requireNonNull;

/**
 * The one unchecked exception hygge throws. Its message is written for the user: it names the
 * entity, the home or store, the file and line or the column, and what to do next.
 */
public class HyggeException extends RuntimeException {
  private final ErrorKind kind;

  public HyggeException(ErrorKind kind, String message) {
    super(requireNonNull(message, "message is null"));
    this.kind = requireNonNull(kind, "kind is null");
  }

  public HyggeException(ErrorKind kind, String message, Throwable cause) {
    super(requireNonNull(message, "message is null"), cause);
    this.kind = requireNonNull(kind, "kind is null");
  }

  public static HyggeException config(String message) {
    return new HyggeException(ErrorKind.CONFIG, message);
  }

  public static HyggeException home(String message, Throwable cause) {
    return new HyggeException(ErrorKind.HOME, message, cause);
  }

  public static HyggeException store(String message, Throwable cause) {
    return new HyggeException(ErrorKind.STORE, message, cause);
  }

  public ErrorKind kind() {
    return kind;
  }
}
