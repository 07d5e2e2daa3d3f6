package dev.hygge.secrets.azure;

import static java.util.Objects.requireNonNull;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import dev.hygge.secrets.SecretEndpoints;
import dev.hygge.secrets.SecretFailure;
import dev.hygge.secrets.SecretFetchException;
import dev.hygge.secrets.SecretHttp;
import dev.hygge.secrets.SecretManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${azure-keyvault::vault/secret}} and {@code ${azure-keyvault::vault/secret/version}}: a
 * secret from Azure Key Vault, read with its REST API ({@code GET
 * https://{vault}.vault.azure.net/secrets/{name}/{version}?api-version=7.4}) and a token from
 * {@code DefaultAzureCredential}. One manager serves every vault the project names.
 */
public final class AzureKeyVault implements SecretManager {
  /** The handler name in expressions. */
  public static final String HANDLER = "azure-keyvault";

  /** The vault URL; {@code {vault}} stands for the vault's name. */
  public static final String DEFAULT_VAULT_URL = "https://{vault}.vault.azure.net";

  private static final String API_VERSION = "7.4";
  private static final String SCOPE = "https://vault.azure.net/.default";
  private static final int MAX_SHOWN_BODY = 300;

  /** Vault names: 3-24 letters, digits and hyphens; secret names: up to 127 of the same. */
  private static final Pattern NAME =
      Pattern.compile(
          "([A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9])/([A-Za-z0-9-]{1,127})(?:/([A-Za-z0-9]+))?");

  private final String vaultUrl;
  private final Supplier<TokenCredential> credentialFactory;
  private final SecretHttp http;
  private TokenCredential credential;

  /**
   * @param vaultUrl the vault URL with {@code {vault}} for the vault's name, e.g. {@link
   *     #DEFAULT_VAULT_URL} or {@code http://127.0.0.1:8443/{vault}}
   * @param credentialFactory builds the credential on the first fetch
   */
  public AzureKeyVault(
      String vaultUrl, Supplier<TokenCredential> credentialFactory, SecretHttp http) {
    this.vaultUrl = requireNonNull(vaultUrl, "vaultUrl is null");
    this.credentialFactory = requireNonNull(credentialFactory, "credentialFactory is null");
    this.http = requireNonNull(http, "http is null");
    if (!vaultUrl.contains(SecretEndpoints.VAULT_PLACEHOLDER)) {
      throw new IllegalArgumentException(
          "vault URL "
              + vaultUrl
              + " has no "
              + SecretEndpoints.VAULT_PLACEHOLDER
              + " for the vault's name");
    }
  }

  /** A manager with {@code DefaultAzureCredential}, at this vault URL or the public one. */
  public static AzureKeyVault standard(Optional<String> vaultUrl) {
    return new AzureKeyVault(
        vaultUrl.orElse(DEFAULT_VAULT_URL),
        () -> new DefaultAzureCredentialBuilder().build(),
        SecretHttp.standard());
  }

  @Override
  public String handler() {
    return HANDLER;
  }

  @Override
  public String fetch(String name, Duration timeout) throws SecretFetchException {
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      throw new SecretFetchException(
          SecretFailure.INVALID_NAME,
          "'" + name + "' is not a Key Vault secret",
          "the expression: write ${azure-keyvault::VAULT/SECRET} or"
              + " ${azure-keyvault::VAULT/SECRET/VERSION} (vault names are 3-24 letters, digits"
              + " and hyphens)",
          null);
    }
    String vault = m.group(1);
    String secret = m.group(2);
    String version = m.group(3) == null ? "" : "/" + m.group(3);
    String base = vaultUrl.replace(SecretEndpoints.VAULT_PLACEHOLDER, vault);
    URI uri =
        URI.create(
            (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/secrets/"
                + secret
                + version
                + "?api-version="
                + API_VERSION);
    HttpResponse<String> response = http.get(uri, token(), timeout);
    if (!SecretHttp.ok(response.statusCode())) {
      SecretFailure failure = SecretHttp.failure(response.statusCode());
      String check =
          switch (failure) {
            case ACCESS_DENIED ->
                "that the identity may get secrets in vault "
                    + vault
                    + " (role Key Vault Secrets User, or an access policy with Get)";
            case NOT_FOUND -> "the vault, the secret's name and its version";
            default -> null;
          };
      throw new SecretFetchException(
          failure,
          "HTTP "
              + response.statusCode()
              + " from vault "
              + vault
              + ": "
              + errorMessage(response.body()),
          check,
          null);
    }
    Object value = json(response.body()).get("value");
    if (!(value instanceof String text)) {
      throw new SecretFetchException(
          SecretFailure.UNAVAILABLE,
          "the answer from vault " + vault + " has no secret value (is the vault URL right?)");
    }
    return text;
  }

  private String token() throws SecretFetchException {
    try {
      return credential().getTokenSync(new TokenRequestContext().addScopes(SCOPE)).getToken();
    } catch (ClientAuthenticationException e) {
      throw new SecretFetchException(
          SecretFailure.NO_CREDENTIALS,
          String.valueOf(e.getMessage()),
          "az login, AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET, or the managed identity"
              + " where hygge runs",
          e);
    }
  }

  private synchronized TokenCredential credential() {
    if (credential == null) {
      credential = credentialFactory.get();
    }
    return credential;
  }

  /** The body's top-level fields; empty when it is not a JSON object. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String body) {
    try (JsonReader reader = JsonProviders.createReader(body)) {
      Object root = reader.readUntyped();
      return root instanceof Map ? (Map<String, Object>) root : Map.of();
    } catch (IOException | IllegalStateException e) {
      // The body may hold the secret, and the parser's message quotes it: it stays out.
      return Map.of();
    }
  }

  private static String errorMessage(String body) {
    if (json(body).get("error") instanceof Map<?, ?> error
        && error.get("message") instanceof String message) {
      return message;
    }
    return body.length() > MAX_SHOWN_BODY ? body.substring(0, MAX_SHOWN_BODY) : body;
  }

  @Override
  public void close() {
    // Neither the JDK HTTP client of Java 17 nor the credential holds anything to close.
  }
}
