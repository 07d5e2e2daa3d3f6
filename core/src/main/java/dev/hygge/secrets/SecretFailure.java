package dev.hygge.secrets;

/** Why a secret could not be fetched, each with what the user should check. */
public enum SecretFailure {
  /** The manager has no such secret (or version, or JSON key). */
  NOT_FOUND("no such secret", "check the secret's name and where it lives"),
  /** The caller's identity may not read the secret, or its token was refused. */
  ACCESS_DENIED("access denied", "check that the identity hygge runs as may read this secret"),
  /** No credentials (or region) could be found in the manager's default chain. */
  NO_CREDENTIALS(
      "no credentials in the chain", "check the credentials hygge can find where it runs"),
  /** The fetch did not finish within {@code options.secret_timeout}. */
  TIMEOUT(
      "timed out",
      "check that the manager is reachable from here, or raise options.secret_timeout"),
  /** The expression does not name a secret in the form the manager expects. */
  INVALID_NAME("not a valid secret name", "fix the expression"),
  /** The manager's client library is not on the class path. */
  NOT_INSTALLED("its client library is not on the class path", "add the dependency it names"),
  /** Anything else: the manager was unreachable or answered with an error. */
  UNAVAILABLE("the secret manager failed", "check that the manager is reachable from here");

  private final String headline;
  private final String advice;

  SecretFailure(String headline, String advice) {
    this.headline = headline;
    this.advice = advice;
  }

  /** What happened, in a few words, e.g. {@code access denied}. */
  public String headline() {
    return headline;
  }

  /** What to check, in general; a {@link SecretFetchException}'s detail says it precisely. */
  public String advice() {
    return advice;
  }
}
