package dev.hygge.secrets;

import java.time.Duration;

/**
 * A secret manager that {@code ${handler::name}} expressions read from, e.g. AWS Secrets Manager
 * for {@code ${aws-secrets::prod/warehouse#password}}. Implementations are safe for concurrent
 * fetches: a project's secrets are fetched in parallel.
 */
public interface SecretManager extends AutoCloseable {
  /** The handler name used in expressions, e.g. {@code aws-secrets}. */
  String handler();

  /**
   * Fetches one secret's value.
   *
   * @param name what follows {@code ::} in the expression, e.g. {@code prod/warehouse#password}
   * @param timeout how long the call may take; a fetch that exceeds it fails as {@link
   *     SecretFailure#TIMEOUT} (the caller also stops waiting then)
   * @return the secret's value, never null
   * @throws SecretFetchException when the secret cannot be read; its detail never holds a secret
   */
  String fetch(String name, Duration timeout) throws SecretFetchException;

  /** Releases the manager's clients; fetches after close are not allowed. */
  @Override
  void close();
}
