package dev.hygge.config;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a project is loaded.
 *
 * @param profile the active configuration profile; when empty, {@code HYGGE_PROFILE} (environment,
 *     {@code .env}, or property {@code hygge.profile}) decides
 * @param vars {@code --var} overrides: {@code flow.<name>.<field.path>} to value
 * @param properties extra configuration properties with the highest priority, e.g. {@code
 *     flows.sales.store.path} or variables used in {@code ${...}} expressions
 */
public record LoadOptions(
    Optional<String> profile, Map<String, String> vars, Map<String, String> properties) {
  public LoadOptions {
    requireNonNull(profile, "profile is null");
    vars = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(vars, "vars is null")));
    properties =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(requireNonNull(properties, "properties is null")));
  }

  /** No profile, no overrides. */
  public static LoadOptions defaults() {
    return new LoadOptions(Optional.empty(), Map.of(), Map.of());
  }
}
