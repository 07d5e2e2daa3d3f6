package dev.hygge.credentials;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One way to authenticate with a credential type, such as {@code access_key} for {@code s3}.
 *
 * @param name the word users write as {@code method:}
 * @param description one sentence for docs
 * @param required the keys this method needs
 * @param optional the keys this method also accepts
 * @param oneOf groups of keys of which exactly one must be given (for example a key file or inline
 *     key JSON); every key of a group is also in {@code optional}
 */
public record CredentialMethod(
    String name,
    String description,
    List<String> required,
    List<String> optional,
    List<List<String>> oneOf) {
  public CredentialMethod {
    requireNonNull(name, "name is null");
    requireNonNull(description, "description is null");
    required = List.copyOf(requireNonNull(required, "required is null"));
    optional = List.copyOf(requireNonNull(optional, "optional is null"));
    oneOf = requireNonNull(oneOf, "oneOf is null").stream().map(List::copyOf).toList();
    for (List<String> group : oneOf) {
      if (!optional.containsAll(group)) {
        throw new IllegalArgumentException(
            "method " + name + ": one-of keys " + group + " must be optional keys");
      }
    }
  }

  /** A method with required and optional keys and no one-of groups. */
  public static CredentialMethod of(
      String name, String description, List<String> required, List<String> optional) {
    return new CredentialMethod(name, description, required, optional, List.of());
  }

  /** Whether this method reads the key. */
  public boolean uses(String key) {
    return required.contains(key) || optional.contains(key);
  }

  /** The method's keys as they appear in a settings table. */
  List<String> keys() {
    return java.util.stream.Stream.concat(required.stream(), optional.stream()).toList();
  }
}
