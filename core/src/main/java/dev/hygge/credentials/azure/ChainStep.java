package dev.hygge.credentials.azure;

import static java.util.Objects.requireNonNull;

import com.azure.core.credential.TokenCredential;
import java.util.function.Supplier;

/**
 * One credential of the Azure default chain, for reporting each step on its own.
 *
 * @param name the credential's name in azure-identity, e.g. {@code AzureCliCredential}
 * @param credential builds it; building throws when the environment lacks what it needs
 */
public record ChainStep(String name, Supplier<TokenCredential> credential) {
  public ChainStep {
    requireNonNull(name, "name is null");
    requireNonNull(credential, "credential is null");
  }
}
