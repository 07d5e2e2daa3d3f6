package dev.hygge.credentials.azure;

import com.azure.core.credential.TokenCredential;
import dev.hygge.HyggeException;
import dev.hygge.credentials.NamedCredential;

/** Where Microsoft Entra ID token credentials come from: {@link EntraCredentials}, or a test's. */
public interface TokenCredentials {
  /**
   * The token credential of an {@code azure_ad} named credential. Building it fetches nothing.
   *
   * @throws HyggeException of kind CONFIG when the credential is not {@code azure_ad} or its method
   *     lacks what it needs
   */
  TokenCredential of(NamedCredential credential);

  /** The Azure default chain, for places that name no credential. */
  TokenCredential defaultChain();
}
