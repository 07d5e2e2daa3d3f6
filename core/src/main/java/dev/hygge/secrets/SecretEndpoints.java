package dev.hygge.secrets;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Optional;

/**
 * Where the standard secret managers are reached when not at their public endpoints: an emulator, a
 * proxy, or a test's fake. AWS needs no entry here: its SDK reads {@code AWS_ENDPOINT_URL} and
 * {@code AWS_ENDPOINT_URL_SECRETS_MANAGER} itself.
 *
 * @param gcpSecrets replaces {@code https://secretmanager.googleapis.com}
 * @param azureKeyVault replaces {@code https://{vault}.vault.azure.net}; {@code {vault}} stands for
 *     the vault's name, e.g. {@code http://127.0.0.1:8443/{vault}}
 */
public record SecretEndpoints(Optional<URI> gcpSecrets, Optional<String> azureKeyVault) {
  /** What a Key Vault URL writes for the vault's name. */
  public static final String VAULT_PLACEHOLDER = "{vault}";

  public SecretEndpoints {
    requireNonNull(gcpSecrets, "gcpSecrets is null");
    requireNonNull(azureKeyVault, "azureKeyVault is null");
    azureKeyVault.ifPresent(
        url -> {
          if (!url.contains(VAULT_PLACEHOLDER)) {
            throw new IllegalArgumentException(
                "Key Vault URL " + url + " has no " + VAULT_PLACEHOLDER + " for the vault's name");
          }
        });
  }

  /** The public endpoints. */
  public static SecretEndpoints standard() {
    return new SecretEndpoints(Optional.empty(), Optional.empty());
  }
}
