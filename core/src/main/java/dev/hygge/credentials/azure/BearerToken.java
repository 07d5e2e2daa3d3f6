package dev.hygge.credentials.azure;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A Microsoft Entra ID access token and when it expires; {@link #toString()} never shows it.
 *
 * @param value the token, sent as {@code Authorization: Bearer}
 * @param expiresAt when it stops being accepted
 */
public record BearerToken(String value, Instant expiresAt) {
  public BearerToken {
    requireNonNull(value, "value is null");
    requireNonNull(expiresAt, "expiresAt is null");
  }

  @Override
  public String toString() {
    return "BearerToken[expiresAt=" + expiresAt + "]";
  }
}
