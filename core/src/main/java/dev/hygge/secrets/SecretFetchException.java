package dev.hygge.secrets;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A secret manager could not return a secret. It says what the manager answered and, where the
 * manager knows better than {@link SecretFailure#check()}, what to check; neither ever holds a
 * secret value. {@link SecretCache} turns it into a {@code HyggeException} that also names the
 * file, line and key that use the secret.
 */
public final class SecretFetchException extends Exception {
  private static final long serialVersionUID = 1L;

  private final SecretFailure failure;
  private final String check;

  /**
   * @param detail what the manager answered, e.g. {@code HTTP 404 Secret [x] not found}
   */
  public SecretFetchException(SecretFailure failure, String detail) {
    this(failure, detail, null, null);
  }

  public SecretFetchException(SecretFailure failure, String detail, Throwable cause) {
    this(failure, detail, null, cause);
  }

  /**
   * @param check what to check, to follow "Check ", e.g. {@code that the identity has
   *     roles/secretmanager.secretAccessor}; null for the failure's general advice
   */
  public SecretFetchException(SecretFailure failure, String detail, String check, Throwable cause) {
    super(requireNonNull(detail, "detail is null"), cause);
    this.failure = requireNonNull(failure, "failure is null");
    this.check = check;
  }

  /** Why the fetch failed. */
  public SecretFailure failure() {
    return failure;
  }

  /** What the manager answered. */
  public String detail() {
    return getMessage();
  }

  /** What to check, to follow "Check ". */
  public String check() {
    return Optional.ofNullable(check).orElse(failure.check());
  }
}
