package dev.hygge.credentials.azure;

import com.azure.core.credential.TokenCredential;
import dev.hygge.HyggeException;
import dev.hygge.credentials.NamedCredential;
import java.util.List;

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

  /**
   * The credentials the default chain of {@code credential} (an {@code azure_ad} credential of
   * method {@code default}) tries, in order, so each can be tried and reported on its own.
   */
  List<ChainStep> defaultChainSteps(NamedCredential credential);
}
