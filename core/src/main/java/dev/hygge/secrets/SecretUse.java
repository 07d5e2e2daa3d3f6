package dev.hygge.secrets;

import static java.util.Objects.requireNonNull;

import dev.hygge.config.Origin;

/**
 * Where a project uses a secret: the property key and the file and line (or other source) that hold
 * the expression.
 *
 * @param key the property key, e.g. {@code flows.sales.store.password}
 */
public record SecretUse(SecretReference reference, String key, Origin origin) {
  public SecretUse {
    requireNonNull(reference, "reference is null");
    requireNonNull(key, "key is null");
    requireNonNull(origin, "origin is null");
  }
}
