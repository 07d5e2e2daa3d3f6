package dev.hygge.credentials;

import static java.util.Objects.requireNonNull;

import dev.hygge.config.Origin;
import java.util.Map;
import java.util.Optional;

/**
 * A credential defined once under {@code credentials:} and referenced by name.
 *
 * @param name its name under {@code credentials:}
 * @param type its type
 * @param method how it authenticates
 * @param values the keys the method reads, resolved (secrets included: never print them)
 * @param origin where it is defined
 * @param via the credential this one reaches its secret with, e.g. the {@code azure_ad} credential
 *     a {@code key_vault} credential names as {@code credential:}; empty for the default chain
 */
public record NamedCredential(
    String name,
    CredentialType type,
    CredentialMethod method,
    Map<String, String> values,
    Origin origin,
    Optional<NamedCredential> via) {
  public NamedCredential {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(method, "method is null");
    values = Map.copyOf(requireNonNull(values, "values is null"));
    requireNonNull(origin, "origin is null");
    requireNonNull(via, "via is null");
  }

  /** A credential that reaches its secret by itself. */
  public NamedCredential(
      String name,
      CredentialType type,
      CredentialMethod method,
      Map<String, String> values,
      Origin origin) {
    this(name, type, method, values, origin, Optional.empty());
  }

  /** This credential reaching its secret with {@code other}. */
  public NamedCredential reaching(NamedCredential other) {
    return new NamedCredential(
        name, type, method, values, origin, Optional.of(requireNonNull(other, "other is null")));
  }

  /** A key's value, when given. */
  public Optional<String> value(String key) {
    return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
  }

  /** A key the method requires (validated when the project loaded). */
  public String required(String key) {
    return value(key)
        .orElseThrow(() -> new IllegalStateException(name + " has no value for " + key));
  }

  /** Whether this credential authenticates with {@code word}. */
  public boolean is(CredentialType kind, String word) {
    return type.equals(kind) && method.name().equals(word);
  }

  /** What it is, for messages: {@code credential 'lake' (s3, access_key, hygge.yml:12:5)}. */
  public String describe() {
    return "credential '" + name + "' (" + type.name() + ", " + method.name() + ", " + origin + ")";
  }

  /** Never shows the values. */
  @Override
  public String toString() {
    return describe();
  }
}
