package dev.hygge.secrets;

import static java.util.Objects.requireNonNull;

/**
 * A secret manager could not return a secret. Its detail says what the manager answered and what to
 * check; it never holds a secret value. {@link SecretCache} turns it into a {@code HyggeException}
 * that also names the file, line and key that use the secret.
 */
public final class SecretFetchException extends Exception {
  private static final long serialVersionUID = 1L;

  private final SecretFailure failure;

  /**
   * @param detail what the manager answered and what to check, e.g. {@code ResourceNotFound:
   *     Secrets Manager can't find the specified secret; check the region (eu-west-1)}
   */
  public SecretFetchException(SecretFailure failure, String detail) {
    super(requireNonNull(detail, "detail is null"));
    this.failure = requireNonNull(failure, "failure is null");
  }

  public SecretFetchException(SecretFailure failure, String detail, Throwable cause) {
    super(requireNonNull(detail, "detail is null"), cause);
    this.failure = requireNonNull(failure, "failure is null");
  }

  /** Why the fetch failed. */
  public SecretFailure failure() {
    return failure;
  }

  /** What the manager answered and what to check. */
  public String detail() {
    return getMessage();
  }
}
