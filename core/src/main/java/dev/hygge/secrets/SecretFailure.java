package dev.hygge.secrets;

/** Why a secret could not be fetched, each with what the user should check in general. */
public enum SecretFailure {
  /** The manager has no such secret (or version, or JSON field). */
  NOT_FOUND("no such secret", "the secret's name, and the region, project or vault it lives in"),
  /** The caller's identity may not read the secret, or its token was refused. */
  ACCESS_DENIED("access denied", "that the identity hygge runs as may read this secret"),
  /** No credentials (or region) could be found in the manager's default chain. */
  NO_CREDENTIALS("no credentials in the chain", "the credentials hygge can find where it runs"),
  /** The fetch did not finish within {@code options.secret_timeout}. */
  TIMEOUT("timed out", "that the manager is reachable from here, or raise options.secret_timeout"),
  /** The expression does not name a secret in the form the manager expects. */
  INVALID_NAME("not a valid secret name", "the expression's syntax"),
  /** The manager's client library is not on the class path. */
  NOT_INSTALLED("its client library is not on the class path", "the application's dependencies"),
  /** Anything else: the manager was unreachable or answered with an error. */
  UNAVAILABLE("the secret manager failed", "that the manager is reachable from here");

  private final String headline;
  private final String check;

  SecretFailure(String headline, String check) {
    this.headline = headline;
    this.check = check;
  }

  /** What happened, in a few words, e.g. {@code access denied}. */
  public String headline() {
    return headline;
  }

  /** What to check, in general, to follow "Check ", e.g. {@code the expression's syntax}. */
  public String check() {
    return check;
  }
}
