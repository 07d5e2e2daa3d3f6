package dev.hygge.config;

import dev.hygge.secrets.SecretReference;
import dev.hygge.secrets.SecretUse;
import io.smallrye.config.Expressions;
import io.smallrye.config.SmallRyeConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds the secret expressions a project's values will expand, before anything is resolved, so that
 * they can be fetched at once: for every key of the project's files, the value that wins (the
 * file's, or an override from the environment, {@code .env}, {@code --var} or properties), as
 * written. Expressions that only appear once another expression is expanded are fetched when
 * SmallRye meets them.
 */
final class SecretScan {
  private SecretScan() {}

  /**
   * @param keys the project's properties, each with the file and line it was written at
   * @param handlers the handler names to look for, e.g. {@code aws-secrets}
   */
  static List<SecretUse> uses(
      SmallRyeConfig config,
      Map<String, io.smallrye.config.ConfigValue> keys,
      Collection<String> handlers) {
    List<SecretUse> uses = new ArrayList<>();
    if (handlers.isEmpty()) {
      return uses;
    }
    for (Map.Entry<String, io.smallrye.config.ConfigValue> key : keys.entrySet()) {
      io.smallrye.config.ConfigValue written =
          Expressions.withoutExpansion(() -> config.getConfigValue(key.getKey()));
      if (written.getValue() == null) {
        continue;
      }
      Origin near =
          new Origin(key.getValue().getConfigSourceName(), key.getValue().getLineNumber());
      Origin origin = ValueResolver.originOf(written, key.getKey(), near);
      for (SecretReference reference : SecretReference.findIn(written.getValue(), handlers)) {
        uses.add(new SecretUse(reference, key.getKey(), origin));
      }
    }
    return uses;
  }
}
