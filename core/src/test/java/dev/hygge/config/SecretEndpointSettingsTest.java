package dev.hygge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.secrets.SecretEndpoints;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretEndpointSettingsTest {
  @TempDir Path dir;

  private SecretEndpoints read(Map<String, String> properties) {
    return SecretEndpointSettings.read(
        dir, new LoadOptions(Optional.empty(), Map.of(), properties));
  }

  @Test
  void readsBothEndpoints() {
    SecretEndpoints endpoints =
        read(
            Map.of(
                SecretEndpointSettings.GCP_SECRETS_ENDPOINT, "http://127.0.0.1:8085",
                SecretEndpointSettings.AZURE_KEYVAULT_ENDPOINT, "http://127.0.0.1:8443/{vault}"));

    assertThat(endpoints)
        .isEqualTo(
            new SecretEndpoints(
                Optional.of(URI.create("http://127.0.0.1:8085")),
                Optional.of("http://127.0.0.1:8443/{vault}")));
  }

  @Test
  void noneGivenMeansThePublicEndpoints() {
    assertThat(read(Map.of())).isEqualTo(SecretEndpoints.standard());
  }

  @Test
  void aKeyVaultUrlWithoutThePlaceholderIsAConfigError() {
    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        SecretEndpointSettings.AZURE_KEYVAULT_ENDPOINT, "http://127.0.0.1:8443")))
        .isInstanceOf(HyggeException.class)
        .hasFieldOrPropertyWithValue("kind", ErrorKind.CONFIG)
        .hasMessage(
            "HYGGE_AZURE_KEYVAULT_ENDPOINT (http://127.0.0.1:8443) must hold {vault} where the"
                + " vault's name goes, e.g. http://127.0.0.1:8443/{vault}.");
  }

  @Test
  void anEndpointThatIsNotAUrlIsAConfigError() {
    assertThatThrownBy(() -> read(Map.of(SecretEndpointSettings.GCP_SECRETS_ENDPOINT, "localhost")))
        .isInstanceOf(HyggeException.class)
        .hasFieldOrPropertyWithValue("kind", ErrorKind.CONFIG)
        .hasMessage(
            "HYGGE_GCP_SECRETS_ENDPOINT (localhost) is not a URL: it needs a scheme and a host."
                + " Write it as http(s)://host:port.");
  }
}
