package dev.hygge.storage.azure;

import static java.util.Objects.requireNonNull;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import dev.hygge.HyggeException;
import dev.hygge.credentials.CredentialTypes;
import dev.hygge.credentials.NamedCredential;
import dev.hygge.credentials.azure.ChainStep;
import dev.hygge.credentials.azure.EntraCredentials;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The credential half of {@code hygge debug --credentials} for Azure: an {@code azure_ad}
 * credential asks for a storage token, and when that fails, each step of azure-identity's chain
 * (environment, workload identity, managed identity, CLI, ...) is reported with why it failed; a
 * {@code key_vault} credential of method {@code default} reads its secret (the value is never
 * shown). Other credentials have nothing to check before the storage request.
 *
 * @param ok whether the credential gave a token or its secret
 * @param lines what happened, one step a line
 */
public record AzureCredentialCheck(boolean ok, List<String> lines) {
  private static final String CHAIN_PREFIX = "Attempted credentials:";
  private static final String DEFAULT_METHOD = "default";

  public AzureCredentialCheck {
    lines = List.copyOf(requireNonNull(lines, "lines is null"));
  }

  /** Checks the credential with the process's Entra ID authority and vaults. */
  public static AzureCredentialCheck run(NamedCredential credential) {
    return run(credential, AzureAuth.standard());
  }

  /** Checks the credential with tokens and Key Vault keys from {@code auth}. */
  public static AzureCredentialCheck run(NamedCredential credential, AzureAuth auth) {
    requireNonNull(credential, "credential is null");
    requireNonNull(auth, "auth is null");
    if (credential.type().equals(CredentialTypes.AZURE_AD)) {
      return token(credential, auth);
    }
    if (credential.is(CredentialTypes.KEY_VAULT, "default")) {
      return secret(credential, auth);
    }
    return new AzureCredentialCheck(true, List.of());
  }

  private static AzureCredentialCheck token(NamedCredential credential, AzureAuth auth) {
    String method = credential.method().name();
    try {
      AccessToken token =
          auth.tokens(credential)
              .getTokenSync(new TokenRequestContext().addScopes(EntraCredentials.STORAGE_SCOPE));
      return new AzureCredentialCheck(
          true,
          List.of(
              "token: "
                  + method
                  + " gave a token for "
                  + EntraCredentials.STORAGE_SCOPE
                  + ", valid until "
                  + token.getExpiresAt()));
    } catch (RuntimeException e) {
      List<String> lines = new ArrayList<>();
      lines.add("token: " + method + " gave no token for " + EntraCredentials.STORAGE_SCOPE);
      if (method.equals(DEFAULT_METHOD)) {
        for (ChainStep step : auth.tokenCredentials().defaultChainSteps(credential)) {
          lines.add("  " + step.name() + ": " + tryStep(step));
        }
      } else {
        lines.addAll(steps(e));
      }
      return new AzureCredentialCheck(false, lines);
    }
  }

  private static String tryStep(ChainStep step) {
    try {
      step.credential()
          .get()
          .getTokenSync(new TokenRequestContext().addScopes(EntraCredentials.STORAGE_SCOPE));
      return "gave a token";
    } catch (RuntimeException e) {
      return firstLine(e);
    }
  }

  /** The failure's first line, and its innermost cause's when azure-identity points there. */
  private static String firstLine(Throwable e) {
    String message = String.valueOf(e.getMessage()).strip();
    int end = message.indexOf('\n');
    String first = end < 0 ? message : message.substring(0, end).strip();
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e
        ? first
        : first + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
  }

  /** Each line of the failure: azure-identity's chain writes one line per credential it tried. */
  static List<String> steps(Throwable failure) {
    List<String> steps = new ArrayList<>();
    for (String line : String.valueOf(failure.getMessage()).split("\\R")) {
      String step = line.strip();
      if (!step.isEmpty() && !step.equals(CHAIN_PREFIX)) {
        steps.add("  " + step);
      }
    }
    Arrays.stream(failure.getSuppressed()).forEach(s -> steps.add("  " + s.getMessage()));
    return steps;
  }

  private static AzureCredentialCheck secret(NamedCredential credential, AzureAuth auth) {
    String where =
        "secret '"
            + credential.required("secret")
            + "' of vault '"
            + credential.required("vault")
            + "'";
    try {
      auth.accountKey(credential);
      return new AzureCredentialCheck(
          true,
          List.of(
              "key vault: read "
                  + where
                  + " with "
                  + credential.via().map(NamedCredential::name).orElse("the default chain")
                  + " (value not shown)"));
    } catch (HyggeException e) {
      return new AzureCredentialCheck(false, List.of("key vault: " + e.getMessage()));
    }
  }
}
