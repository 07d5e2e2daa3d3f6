package dev.hygge.credentials.azure;

import static java.util.Objects.requireNonNull;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.identity.AadCredentialBuilderBase;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.CredentialBuilderBase;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.credentials.CredentialTypes;
import dev.hygge.credentials.NamedCredential;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds azure-identity {@link TokenCredential}s from {@code azure_ad} named credentials: {@code
 * default} (DefaultAzureCredential), {@code service_principal} (client secret or certificate),
 * {@code managed_identity} and {@code workload_identity}. Building fetches nothing; the first token
 * request goes to the authority.
 */
public final class EntraCredentials implements TokenCredentials {
  /** The scope of Azure Storage (Blob, ADLS Gen2) and OneLake tokens. */
  public static final String STORAGE_SCOPE = "https://storage.azure.com/.default";

  /** The scope of Azure SQL Database and SQL Server tokens. */
  public static final String SQL_SCOPE = "https://database.windows.net/.default";

  /** The scope of Key Vault tokens. */
  public static final String VAULT_SCOPE = "https://vault.azure.net/.default";

  static final String TENANT_ID = "tenant_id";
  static final String CLIENT_ID = "client_id";
  static final String CLIENT_SECRET = "client_secret";
  static final String CERTIFICATE_PATH = "certificate_path";
  static final String CERTIFICATE_PASSWORD = "certificate_password";
  static final String TOKEN_FILE = "token_file";
  private static final String PEM_SUFFIX = ".pem";

  private final EntraOptions options;

  /** Credentials built with these options (authority, HTTP client, environment). */
  public EntraCredentials(EntraOptions options) {
    this.options = requireNonNull(options, "options is null");
  }

  /** Credentials for the public cloud, over the JDK's HttpClient, from the process environment. */
  public static EntraCredentials standard() {
    return new EntraCredentials(EntraOptions.defaults());
  }

  /**
   * Fetches tokens for {@code scope} with a token credential, e.g. for a JDBC driver's token
   * callback; each call asks the credential, which serves its cached token until it nears expiry.
   *
   * @throws HyggeException of kind CREDENTIAL, from the supplier, naming the credential when no
   *     token can be had
   */
  public static Supplier<BearerToken> bearerTokens(
      TokenCredential credential, String scope, String describe) {
    requireNonNull(credential, "credential is null");
    requireNonNull(scope, "scope is null");
    requireNonNull(describe, "describe is null");
    return () -> {
      try {
        AccessToken token = credential.getTokenSync(new TokenRequestContext().addScopes(scope));
        return new BearerToken(token.getToken(), token.getExpiresAt().toInstant());
      } catch (ClientAuthenticationException e) {
        throw new HyggeException(
            ErrorKind.CREDENTIAL,
            describe
                + " could not get a Microsoft Entra ID token for "
                + scope
                + ": "
                + e.getMessage()
                + " (run 'hygge debug --credentials' to see each step of the chain).",
            e);
      }
    };
  }

  /** The options these credentials are built with. */
  public EntraOptions options() {
    return options;
  }

  @Override
  public List<ChainStep> defaultChainSteps(NamedCredential credential) {
    return new DefaultChainSteps(options).of(requireNonNull(credential, "credential is null"));
  }

  @Override
  public TokenCredential defaultChain() {
    return defaultBuilder().build();
  }

  @Override
  public TokenCredential of(NamedCredential credential) {
    requireNonNull(credential, "credential is null");
    if (!credential.type().equals(CredentialTypes.AZURE_AD)) {
      throw HyggeException.config(
          credential.describe() + " is not an azure_ad credential, so it gives no Entra ID token.");
    }
    try {
      return build(credential);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new HyggeException(
          ErrorKind.CONFIG,
          "Cannot build "
              + credential.describe()
              + ": "
              + e.getMessage()
              + " (give the missing keys under the credential, or set AZURE_TENANT_ID,"
              + " AZURE_CLIENT_ID and AZURE_FEDERATED_TOKEN_FILE where hygge runs).",
          e);
    }
  }

  private TokenCredential build(NamedCredential c) {
    return switch (c.method().name()) {
      case "default" -> {
        DefaultAzureCredentialBuilder builder = defaultBuilder();
        c.value(TENANT_ID).ifPresent(builder::tenantId);
        c.value(CLIENT_ID)
            .ifPresent(id -> builder.managedIdentityClientId(id).workloadIdentityClientId(id));
        yield builder.build();
      }
      case "service_principal" -> servicePrincipal(c);
      case "managed_identity" -> {
        ManagedIdentityCredentialBuilder builder =
            withTransport(new ManagedIdentityCredentialBuilder());
        c.value(CLIENT_ID).ifPresent(builder::clientId);
        yield builder.build();
      }
      case "workload_identity" -> {
        WorkloadIdentityCredentialBuilder builder =
            configured(new WorkloadIdentityCredentialBuilder());
        c.value(TENANT_ID).ifPresent(builder::tenantId);
        c.value(CLIENT_ID).ifPresent(builder::clientId);
        c.value(TOKEN_FILE).ifPresent(builder::tokenFilePath);
        yield builder.build();
      }
      default ->
          throw new IllegalStateException(
              c.describe() + ": no Entra ID method " + c.method().name());
    };
  }

  private TokenCredential servicePrincipal(NamedCredential c) {
    Optional<String> secret = c.value(CLIENT_SECRET);
    if (secret.isPresent()) {
      return configured(new ClientSecretCredentialBuilder())
          .tenantId(c.required(TENANT_ID))
          .clientId(c.required(CLIENT_ID))
          .clientSecret(secret.get())
          .build();
    }
    String path = c.required(CERTIFICATE_PATH);
    ClientCertificateCredentialBuilder builder =
        configured(new ClientCertificateCredentialBuilder())
            .tenantId(c.required(TENANT_ID))
            .clientId(c.required(CLIENT_ID));
    if (path.toLowerCase(Locale.ROOT).endsWith(PEM_SUFFIX)) {
      builder.pemCertificate(path);
    } else {
      builder.pfxCertificate(path);
      c.value(CERTIFICATE_PASSWORD).ifPresent(builder::clientCertificatePassword);
    }
    return builder.build();
  }

  private DefaultAzureCredentialBuilder defaultBuilder() {
    DefaultAzureCredentialBuilder builder = withTransport(new DefaultAzureCredentialBuilder());
    options
        .authorityHost()
        .ifPresent(host -> builder.authorityHost(host).disableInstanceDiscovery());
    return builder;
  }

  private <T extends AadCredentialBuilderBase<T>> T configured(T builder) {
    // The environment goes in first: reading it resets the authority to AZURE_AUTHORITY_HOST's.
    withTransport(builder);
    options
        .authorityHost()
        .ifPresent(host -> builder.authorityHost(host).disableInstanceDiscovery());
    return builder;
  }

  private <T extends CredentialBuilderBase<T>> T withTransport(T builder) {
    options.httpClient().ifPresent(builder::httpClient);
    options.configuration().ifPresent(builder::configuration);
    return builder;
  }
}
