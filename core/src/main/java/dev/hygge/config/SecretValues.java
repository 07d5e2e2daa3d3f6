package dev.hygge.config;

import dev.hygge.HyggeException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Keeps resolved values of secret-looking keys out of error messages. */
final class SecretValues {
  private static final List<String> SECRET_WORDS =
      List.of("password", "token", "secret", "key", "credential", "connection_string");
  static final String MASK = "****";
  private static final String CREDENTIAL_REFERENCE = "credential";

  private SecretValues() {}

  /** Whether a key looks like it holds a secret ({@code password}, {@code api_key}, ...). */
  static boolean looksSecret(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    if (lower.equals(CREDENTIAL_REFERENCE)) {
      // credential: names a credential defined under credentials:; the name is no secret.
      return false;
    }
    return SECRET_WORDS.stream().anyMatch(lower::contains);
  }

  /**
   * The same error with every secret value of the block masked. The original is not kept as the
   * cause, because its message holds the secret; its stack trace is kept.
   */
  static HyggeException redact(HyggeException error, Map<String, ConfigValue> values) {
    String message = mask(error.getMessage(), values);
    if (message.equals(error.getMessage())) {
      return error;
    }
    HyggeException redacted = new HyggeException(error.kind(), message);
    redacted.setStackTrace(error.getStackTrace());
    return redacted;
  }

  /** The text with every secret value of the block masked. */
  static String mask(String text, Map<String, ConfigValue> values) {
    String masked = text;
    for (Map.Entry<String, ConfigValue> e : values.entrySet()) {
      if (looksSecret(e.getKey())
          && e.getValue().value() instanceof String secret
          && !secret.isEmpty()) {
        masked = masked.replace(secret, MASK);
      }
    }
    return masked;
  }
}
