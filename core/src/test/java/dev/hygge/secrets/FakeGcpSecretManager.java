package dev.hygge.secrets;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.CRC32C;

/**
 * An in-process fake of GCP Secret Manager's documented REST call {@code GET v1/{name}:access}: a
 * 200 carries {@code {"name", "payload": {"data": base64, "dataCrc32c"}}}, errors carry {@code
 * {"error": {"code", "message", "status"}}}, and a request without the bearer token gets 401
 * UNAUTHENTICATED. There is no Secret Manager emulator to test against.
 */
final class FakeGcpSecretManager implements AutoCloseable {
  /** The access token the fake accepts. */
  static final String TOKEN = "gcp-test-token";

  private final FakeSecretServer server;

  FakeGcpSecretManager() throws IOException {
    server =
        new FakeSecretServer(
            TOKEN,
            path ->
                error(
                    404,
                    "NOT_FOUND",
                    "Secret ["
                        + path.replaceFirst("^/v1/", "").replaceFirst(":access$", "")
                        + "] not found or has no versions."),
            error(
                401,
                "UNAUTHENTICATED",
                "Request had invalid authentication credentials. Expected OAuth 2 access token."));
  }

  /** The base URL, for {@code HYGGE_GCP_SECRETS_ENDPOINT}. */
  URI endpoint() {
    return server.endpoint();
  }

  /** Serves this value for {@code projects/p/secrets/s/versions/v}. */
  void secret(String version, String value) {
    byte[] data = value.getBytes(StandardCharsets.UTF_8);
    CRC32C crc = new CRC32C();
    crc.update(data);
    server.answer(
        path(version),
        200,
        "{\"name\": \""
            + version
            + "\", \"payload\": {\"data\": \""
            + Base64.getEncoder().encodeToString(data)
            + "\", \"dataCrc32c\": \""
            + crc.getValue()
            + "\"}}");
  }

  /** Answers reads of this version with an error, e.g. 403 PERMISSION_DENIED. */
  void fail(String version, int code, String status, String message) {
    FakeSecretServer.Answer answer = error(code, status, message);
    server.answer(path(version), answer.status(), answer.body());
  }

  void delay(Duration delay) {
    server.delay(delay);
  }

  int requests(String version) {
    return server.requests(path(version));
  }

  int requests() {
    return server.requests();
  }

  int maxInFlight() {
    return server.maxInFlight();
  }

  private static String path(String version) {
    return "/v1/" + version + ":access";
  }

  private static FakeSecretServer.Answer error(int code, String status, String message) {
    return new FakeSecretServer.Answer(
        code,
        "{\"error\": {\"code\": "
            + code
            + ", \"message\": \""
            + message
            + "\", \"status\": \""
            + status
            + "\"}}");
  }

  @Override
  public void close() throws InterruptedException {
    server.close();
  }
}
