package dev.hygge.credentials;

import static java.util.Objects.requireNonNull;

import dev.hygge.HyggeException;
import dev.hygge.config.Origin;
import dev.hygge.config.Suggestions;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The project's named credentials, defined once under {@code credentials:} in hygge.yml. */
public final class Credentials {
  private static final Credentials NONE = new Credentials(Map.of());

  private final Map<String, NamedCredential> byName;

  /** The credentials, keyed by name. */
  public Credentials(Map<String, NamedCredential> byName) {
    this.byName = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byName));
  }

  /** A project without named credentials. */
  public static Credentials none() {
    return NONE;
  }

  /** Every credential in definition order. */
  public Collection<NamedCredential> all() {
    return byName.values();
  }

  /**
   * The credential named {@code name}, checked to fit what uses it.
   *
   * @param usedBy what uses it, for messages, e.g. {@code the home of entity sales.orders}
   * @param where where {@code credential:} was written
   * @throws HyggeException of kind CONFIG when no credential has the name (suggesting the nearest)
   *     or its type does not fit the user (naming both)
   */
  public NamedCredential require(String name, CredentialUser user, String usedBy, Origin where) {
    requireNonNull(name, "name is null");
    requireNonNull(user, "user is null");
    NamedCredential found = byName.get(name);
    if (found == null) {
      throw HyggeException.config(
          "Unknown credential '"
              + name
              + "' used by "
              + usedBy
              + " at "
              + where
              + "."
              + Suggestions.hint(name, byName.keySet())
              + (byName.isEmpty()
                  ? " Define it under credentials: in hygge.yml."
                  : " Defined credentials: " + String.join(", ", byName.keySet()) + "."));
    }
    if (!user.accepts(found.type())) {
      throw HyggeException.config(
          "Credential '"
              + name
              + "' is of type "
              + found.type().name()
              + " (defined at "
              + found.origin()
              + ") but "
              + usedBy
              + " at "
              + where
              + " reads "
              + user.name()
              + ", which takes a credential of type "
              + user.fitting()
              + ".");
    }
    return found;
  }
}
