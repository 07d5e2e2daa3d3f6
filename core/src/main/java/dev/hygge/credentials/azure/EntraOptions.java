package dev.hygge.credentials.azure;

import static java.util.Objects.requireNonNull;

import com.azure.core.http.HttpClient;
import com.azure.core.util.Configuration;
import java.util.Optional;

/**
 * Where Microsoft Entra ID tokens come from and how they are fetched; the defaults reach the public
 * cloud's authority over the JDK's HttpClient.
 *
 * @param authorityHost the authority, e.g. {@code https://login.microsoftonline.com/}; empty for
 *     the library's default (or {@code AZURE_AUTHORITY_HOST}). A given authority (Azure Stack, a
 *     private cloud, a test's) is trusted as given, without instance discovery at the public one
 * @param httpClient the HTTP client token requests go through; empty for the JDK's
 * @param configuration the environment azure-identity reads ({@code AZURE_*}, {@code
 *     IDENTITY_ENDPOINT}, ...); empty for the process's
 */
public record EntraOptions(
    Optional<String> authorityHost,
    Optional<HttpClient> httpClient,
    Optional<Configuration> configuration) {
  public EntraOptions {
    requireNonNull(authorityHost, "authorityHost is null");
    requireNonNull(httpClient, "httpClient is null");
    requireNonNull(configuration, "configuration is null");
    authorityHost.ifPresent(
        host -> {
          if (!host.startsWith("https://")) {
            throw new IllegalArgumentException("the authority host must be https: " + host);
          }
        });
  }

  /** The public cloud's authority, the process's environment, the JDK's HttpClient. */
  public static EntraOptions defaults() {
    return new EntraOptions(Optional.empty(), Optional.empty(), Optional.empty());
  }
}
