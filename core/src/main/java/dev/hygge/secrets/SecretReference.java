package dev.hygge.secrets;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One secret expression, {@code ${handler::name}}: the handler picks the secret manager, the name
 * is what that manager reads, e.g. {@code aws-secrets} and {@code prod/warehouse#password}.
 */
public record SecretReference(String handler, String name) {
  /**
   * An unescaped {@code ${handler::name}} whose name holds no nested expression; a nested one is
   * left to SmallRye, which expands it first and then asks the handler.
   */
  private static final Pattern EXPRESSION =
      Pattern.compile("(?<!\\\\)\\$\\{([A-Za-z0-9-]+)::([^${}]+)}");

  public SecretReference {
    requireNonNull(handler, "handler is null");
    requireNonNull(name, "name is null");
  }

  /** The expression as written, e.g. {@code ${aws-secrets::prod/warehouse#password}}. */
  public String expression() {
    return "${" + handler + "::" + name + "}";
  }

  /** Every expression in the text whose handler is one of {@code handlers}, in order. */
  public static List<SecretReference> findIn(String text, Collection<String> handlers) {
    List<SecretReference> found = new ArrayList<>();
    Matcher m = EXPRESSION.matcher(text);
    while (m.find()) {
      if (handlers.contains(m.group(1))) {
        found.add(new SecretReference(m.group(1), m.group(2)));
      }
    }
    return found;
  }

  @Override
  public String toString() {
    return expression();
  }
}
