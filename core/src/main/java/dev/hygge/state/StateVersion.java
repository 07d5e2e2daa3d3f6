package dev.hygge.state;

import static java.util.Objects.requireNonNull;

/**
 * The version of an entity's stored state, as its backend knows it (a counter for local files; an
 * ETag or generation for object storage). Compared for equality only.
 *
 * @param token the backend's version token
 */
public record StateVersion(String token) {
  public StateVersion {
    requireNonNull(token, "token is null");
  }

  @Override
  public String toString() {
    return token;
  }
}
