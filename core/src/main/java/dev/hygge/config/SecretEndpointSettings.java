package dev.hygge.config;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.secrets.SecretEndpoints;
import io.smallrye.config.SmallRyeConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads where the standard secret managers are reached when not at their public endpoints, from the
 * environment, {@code .env}, system properties or properties (not from the project's YAML: a
 * project means the same thing wherever it runs).
 */
public final class SecretEndpointSettings {
  /**
   * The property (environment variable {@code HYGGE_GCP_SECRETS_ENDPOINT}) replacing GCP Secret
   * Manager's endpoint, e.g. {@code http://127.0.0.1:8085}.
   */
  public static final String GCP_SECRETS_ENDPOINT = "hygge.gcp-secrets.endpoint";

  /**
   * The property (environment variable {@code HYGGE_AZURE_KEYVAULT_ENDPOINT}) replacing Key Vault's
   * vault URL, with {@code {vault}} for the vault's name, e.g. {@code
   * http://127.0.0.1:8443/{vault}}.
   */
  public static final String AZURE_KEYVAULT_ENDPOINT = "hygge.azure-keyvault.endpoint";

  private SecretEndpointSettings() {}

  /**
   * @throws HyggeException of kind CONFIG for a value that is not a URL
   */
  static SecretEndpoints read(Path root, LoadOptions options) {
    SmallRyeConfig config =
        ConfigSources.build(root, Map.of(), Map.of(), options.properties(), List.of());
    Optional<URI> gcp =
        config
            .getOptionalValue(GCP_SECRETS_ENDPOINT, String.class)
            .map(url -> url(GCP_SECRETS_ENDPOINT, url));
    Optional<String> azure = config.getOptionalValue(AZURE_KEYVAULT_ENDPOINT, String.class);
    if (azure.isPresent()) {
      String template = azure.get();
      if (!template.contains(SecretEndpoints.VAULT_PLACEHOLDER)) {
        throw HyggeException.config(
            ValueResolver.envName(AZURE_KEYVAULT_ENDPOINT)
                + " ("
                + template
                + ") must hold "
                + SecretEndpoints.VAULT_PLACEHOLDER
                + " where the vault's name goes, e.g. http://127.0.0.1:8443/{vault}.");
      }
      url(AZURE_KEYVAULT_ENDPOINT, template.replace(SecretEndpoints.VAULT_PLACEHOLDER, "vault"));
    }
    return new SecretEndpoints(gcp, azure);
  }

  private static URI url(String property, String url) {
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new URISyntaxException(url, "it needs a scheme and a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new HyggeException(
          ErrorKind.CONFIG,
          ValueResolver.envName(property)
              + " ("
              + url
              + ") is not a URL: "
              + e.getReason()
              + ". Write it as http(s)://host:port.",
          e);
    }
  }
}
