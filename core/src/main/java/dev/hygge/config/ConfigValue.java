package dev.hygge.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * One resolved configuration value with its origin. The value is a {@code String}, a {@code
 * List<String>} or a {@code Map<String, String>}: expressions such as {@code ${VAR}} have already
 * been expanded.
 */
public record ConfigValue(Object value, Origin origin) {
  public ConfigValue {
    requireNonNull(value, "value is null");
    requireNonNull(origin, "origin is null");
    if (!(value instanceof String || value instanceof List || value instanceof Map)) {
      throw new IllegalArgumentException("unsupported value " + value.getClass());
    }
  }
}
