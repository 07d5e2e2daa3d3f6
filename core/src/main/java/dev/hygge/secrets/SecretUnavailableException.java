package dev.hygge.secrets;

import static java.util.Objects.requireNonNull;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.Origin;

/**
 * A secret fetched while a value was being resolved (not by the prefetch) could not be read. The
 * resolver that knows which key and file asked for it turns it into a complete message with {@link
 * #at}.
 */
public final class SecretUnavailableException extends HyggeException {
  private static final long serialVersionUID = 1L;

  private final SecretReference reference;
  private final SecretFetchException failure;

  SecretUnavailableException(SecretReference reference, SecretFetchException failure) {
    super(
        ErrorKind.CREDENTIAL,
        new SecretCache.Failure(
                new SecretUse(reference, reference.expression(), SecretCache.UNPLACED), failure)
            .describe(),
        failure);
    this.reference = requireNonNull(reference, "reference is null");
    this.failure = failure;
  }

  /** The same failure, naming the key and the place that use the secret. */
  public HyggeException at(String key, Origin origin) {
    return new HyggeException(
        ErrorKind.CREDENTIAL,
        new SecretCache.Failure(new SecretUse(reference, key, origin), failure).describe(),
        failure);
  }
}
