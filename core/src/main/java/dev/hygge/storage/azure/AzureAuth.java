package dev.hygge.storage.azure;

import static java.util.Objects.requireNonNull;

import com.azure.core.credential.TokenCredential;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.credentials.NamedCredential;
import dev.hygge.credentials.azure.EntraCredentials;
import dev.hygge.credentials.azure.TokenCredentials;
import dev.hygge.secrets.SecretFetchException;
import dev.hygge.secrets.SecretHttp;
import dev.hygge.secrets.azure.AzureKeyVault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How Azure Storage requests are authorised beyond keys written in the project: Entra ID token
 * credentials built from {@code azure_ad} credentials, and account keys read from Key Vault for
 * {@code key_vault} credentials of method {@code default}. A key is fetched once and reused for
 * {@link #ACCOUNT_KEY_REUSE}, the length of the longest serverless run, so one run fetches it once
 * and a rotated key is seen by the runs after. Keys are never logged.
 */
public final class AzureAuth {
  /** How long a fetched account key is reused before it is fetched again. */
  public static final Duration ACCOUNT_KEY_REUSE = Duration.ofMinutes(15);

  /** How long one Key Vault read may take. */
  public static final Duration KEY_VAULT_TIMEOUT = Duration.ofSeconds(30);

  private static final String SECRET = "secret";
  private static final String VAULT = "vault";
  private static final AzureAuth STANDARD =
      new AzureAuth(
          EntraCredentials.standard(),
          AzureKeyVault.DEFAULT_VAULT_URL,
          SecretHttp.standard(),
          Clock.systemUTC());

  private final TokenCredentials entra;
  private final String vaultUrl;
  private final SecretHttp http;
  private final Clock clock;
  private final Map<NamedCredential, TokenCredential> tokens = new ConcurrentHashMap<>();

  /** Token credentials Key Vault is read with; the empty key is the default chain. */
  private final Map<Optional<NamedCredential>, TokenCredential> vaultTokens =
      new ConcurrentHashMap<>();

  private final Map<NamedCredential, FetchedKey> keys = new ConcurrentHashMap<>();

  private record FetchedKey(String key, Instant fetched) {}

  /**
   * @param entra builds token credentials
   * @param vaultUrl the Key Vault URL with {@code {vault}} for the vault's name, e.g. {@link
   *     AzureKeyVault#DEFAULT_VAULT_URL}
   * @param http the HTTP client Key Vault is read with
   * @param clock the time source for reusing keys
   */
  public AzureAuth(TokenCredentials entra, String vaultUrl, SecretHttp http, Clock clock) {
    this.entra = requireNonNull(entra, "entra is null");
    this.vaultUrl = requireNonNull(vaultUrl, "vaultUrl is null");
    this.http = requireNonNull(http, "http is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** The process's instance: the public cloud's authority and vaults. */
  public static AzureAuth standard() {
    return STANDARD;
  }

  /** Where token credentials come from. */
  TokenCredentials tokenCredentials() {
    return entra;
  }

  /** The Azure default chain, for locations without a credential, built once. */
  public TokenCredential defaultChain() {
    return vaultTokens.computeIfAbsent(Optional.empty(), none -> entra.defaultChain());
  }

  /** The token credential of an {@code azure_ad} credential, built once. */
  public TokenCredential tokens(NamedCredential credential) {
    return tokens.computeIfAbsent(requireNonNull(credential, "credential is null"), entra::of);
  }

  /**
   * The storage account key a {@code key_vault} credential (method {@code default}) keeps in its
   * vault, read with the {@code azure_ad} credential it names or the default chain.
   *
   * @throws HyggeException of kind CREDENTIAL naming the credential, vault and secret, and what to
   *     check, when the vault does not give the secret
   */
  public String accountKey(NamedCredential credential) {
    requireNonNull(credential, "credential is null");
    Instant now = clock.instant();
    FetchedKey cached = keys.get(credential);
    if (cached != null && cached.fetched().plus(ACCOUNT_KEY_REUSE).isAfter(now)) {
      return cached.key();
    }
    String key = fetch(credential);
    keys.put(credential, new FetchedKey(key, now));
    return key;
  }

  private static String withoutFinalStop(String text) {
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  private String fetch(NamedCredential credential) {
    String vault = credential.required(VAULT);
    String secret = credential.required(SECRET);
    Optional<NamedCredential> via = credential.via();
    AzureKeyVault reader =
        new AzureKeyVault(
            vaultUrl,
            () ->
                vaultTokens.computeIfAbsent(
                    via, v -> v.map(entra::of).orElseGet(entra::defaultChain)),
            http);
    try {
      return reader.fetch(vault + "/" + secret, KEY_VAULT_TIMEOUT);
    } catch (SecretFetchException e) {
      throw new HyggeException(
          ErrorKind.CREDENTIAL,
          "Cannot read the account key of "
              + credential.describe()
              + " from secret '"
              + secret
              + "' of vault '"
              + vault
              + "' with "
              + via.map(NamedCredential::describe).orElse("the Azure default chain")
              + ": "
              + e.failure().headline()
              + ", "
              + withoutFinalStop(e.detail())
              + ". Check "
              + e.check()
              + ".",
          e);
    }
  }
}
