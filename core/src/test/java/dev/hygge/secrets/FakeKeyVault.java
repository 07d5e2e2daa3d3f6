package dev.hygge.secrets;

import java.io.IOException;
import java.time.Duration;

/**
 * An in-process fake of Azure Key Vault's documented REST call {@code GET
 * {vaultUrl}/secrets/{name}[/{version}]?api-version=7.4}, serving any number of vaults under {@code
 * http://127.0.0.1:PORT/{vault}}: a 200 carries {@code {"value", "id", "attributes"}}, errors carry
 * {@code {"error": {"code", "message"}}}, a request without the bearer token gets 401. There is no
 * Key Vault emulator to test against.
 */
public final class FakeKeyVault implements AutoCloseable {
  /** The access token the fake accepts. */
  public static final String TOKEN = "azure-test-token";

  private static final String API_VERSION = "?api-version=7.4";

  private final FakeSecretServer server;

  public FakeKeyVault() throws IOException {
    server =
        new FakeSecretServer(
            TOKEN,
            path ->
                path.endsWith(API_VERSION)
                    ? error(
                        404,
                        "SecretNotFound",
                        "A secret with (name/id) "
                            + path.replaceFirst("^/[^/]+/secrets/", "").replace(API_VERSION, "")
                            + " was not found in this key vault.")
                    : error(400, "BadParameter", "The 'api-version' query parameter is missing."),
            error(401, "Unauthorized", "AKV10000: Request is missing a Bearer or PoP token."));
  }

  /** The vault URL template, for {@code HYGGE_AZURE_KEYVAULT_ENDPOINT}. */
  public String vaultUrl() {
    return server.endpoint() + "/{vault}";
  }

  /** Serves this value for the secret (its current version when {@code version} is null). */
  public void secret(String vault, String name, String version, String value) {
    server.answer(
        path(vault, name, version),
        200,
        "{\"value\": \""
            + value
            + "\", \"id\": \"https://"
            + vault
            + ".vault.azure.net/secrets/"
            + name
            + "/0123456789abcdef0123456789abcdef\", \"attributes\": {\"enabled\": true}}");
  }

  /** Answers reads of the secret with an error, e.g. 403 Forbidden. */
  public void fail(String vault, String name, int status, String code, String message) {
    FakeSecretServer.Answer answer = error(status, code, message);
    server.answer(path(vault, name, null), answer.status(), answer.body());
  }

  void delay(Duration delay) {
    server.delay(delay);
  }

  public int requests(String vault, String name, String version) {
    return server.requests(path(vault, name, version));
  }

  int maxInFlight() {
    return server.maxInFlight();
  }

  private static String path(String vault, String name, String version) {
    return "/" + vault + "/secrets/" + name + (version == null ? "" : "/" + version) + API_VERSION;
  }

  private static FakeSecretServer.Answer error(int status, String code, String message) {
    return new FakeSecretServer.Answer(
        status, "{\"error\": {\"code\": \"" + code + "\", \"message\": \"" + message + "\"}}");
  }

  @Override
  public void close() throws InterruptedException {
    server.close();
  }
}
