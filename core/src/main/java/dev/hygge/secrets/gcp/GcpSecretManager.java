package dev.hygge.secrets.gcp;

import static java.util.Objects.requireNonNull;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.hygge.secrets.SecretFailure;
import dev.hygge.secrets.SecretFetchException;
import dev.hygge.secrets.SecretHttp;
import dev.hygge.secrets.SecretManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * {@code ${gcp-secrets::projects/p/secrets/s/versions/v}}: a secret version from GCP Secret
 * Manager, read with its REST API ({@code GET v1/{name}:access}) and an OAuth token from
 * Application Default Credentials. Without {@code /versions/v} the latest version is read.
 */
public final class GcpSecretManager implements SecretManager {
  /** The handler name in expressions. */
  public static final String HANDLER = "gcp-secrets";

  /** The public REST endpoint. */
  public static final URI DEFAULT_ENDPOINT = URI.create("https://secretmanager.googleapis.com");

  private static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";
  private static final String LATEST = "/versions/latest";
  private static final int MAX_SHOWN_BODY = 300;
  private static final Pattern NAME =
      Pattern.compile("projects/[A-Za-z0-9-]+/secrets/[A-Za-z0-9_-]+(/versions/[A-Za-z0-9_-]+)?");

  /** Loads credentials; may fail when none are configured. */
  @FunctionalInterface
  public interface CredentialsSource {
    /**
     * @throws IOException when no credentials can be found or read
     */
    GoogleCredentials load() throws IOException;
  }

  private final URI endpoint;
  private final CredentialsSource source;
  private final SecretHttp http;
  private GoogleCredentials credentials;

  /**
   * @param endpoint the REST API's base URL, e.g. {@link #DEFAULT_ENDPOINT}
   * @param source the credentials, loaded on the first fetch (so missing ones fail that fetch)
   */
  public GcpSecretManager(URI endpoint, CredentialsSource source, SecretHttp http) {
    this.endpoint = requireNonNull(endpoint, "endpoint is null");
    this.source = requireNonNull(source, "source is null");
    this.http = requireNonNull(http, "http is null");
  }

  /** A manager with Application Default Credentials, at this endpoint or the public one. */
  public static GcpSecretManager standard(Optional<URI> endpoint) {
    return new GcpSecretManager(
        endpoint.orElse(DEFAULT_ENDPOINT),
        () -> GoogleCredentials.getApplicationDefault().createScoped(SCOPE),
        SecretHttp.standard());
  }

  @Override
  public String handler() {
    return HANDLER;
  }

  @Override
  public String fetch(String name, Duration timeout) throws SecretFetchException {
    if (!NAME.matcher(name).matches()) {
      throw new SecretFetchException(
          SecretFailure.INVALID_NAME,
          "'" + name + "' is not a secret version name",
          "the expression: write ${gcp-secrets::projects/PROJECT/secrets/SECRET/versions/VERSION}"
              + " (VERSION a number or latest; without /versions/VERSION the latest is read)",
          null);
    }
    String version = name.contains("/versions/") ? name : name + LATEST;
    URI uri = URI.create(base() + "/v1/" + version + ":access");
    HttpResponse<String> response = http.get(uri, token(), timeout);
    if (!SecretHttp.ok(response.statusCode())) {
      SecretFailure failure = SecretHttp.failure(response.statusCode());
      String check =
          switch (failure) {
            case ACCESS_DENIED ->
                "that the identity has roles/secretmanager.secretAccessor on " + name;
            case NOT_FOUND -> "the project, secret and version in " + version;
            default -> null;
          };
      throw new SecretFetchException(
          failure,
          "HTTP " + response.statusCode() + " " + errorMessage(response.body()),
          check,
          null);
    }
    return payload(version, response.body());
  }

  private String base() {
    String text = endpoint.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  private String token() throws SecretFetchException {
    try {
      Map<String, List<String>> headers = credentials().getRequestMetadata(endpoint);
      List<String> authorization = headers.get("Authorization");
      if (authorization == null || authorization.isEmpty()) {
        throw new SecretFetchException(
            SecretFailure.NO_CREDENTIALS,
            "the Google credentials gave no access token",
            "that the credentials give OAuth access tokens (a service account, or gcloud auth"
                + " application-default login)",
            null);
      }
      return authorization.get(0).replaceFirst("^Bearer ", "");
    } catch (IOException e) {
      throw new SecretFetchException(
          SecretFailure.NO_CREDENTIALS,
          String.valueOf(e.getMessage()),
          "GOOGLE_APPLICATION_CREDENTIALS, gcloud auth application-default login, or the service"
              + " account attached where hygge runs",
          e);
    }
  }

  private synchronized GoogleCredentials credentials() throws IOException {
    if (credentials == null) {
      credentials = source.load();
    }
    return credentials;
  }

  /** The decoded payload, checked against its CRC32C when the server sends one. */
  private static String payload(String version, String body) throws SecretFetchException {
    Optional<JsonObject> payload = object(body).flatMap(root -> child(root, "payload"));
    Optional<String> data = payload.flatMap(p -> text(p, "data"));
    byte[] bytes;
    try {
      bytes = data.map(Base64.getDecoder()::decode).orElse(null);
    } catch (IllegalArgumentException e) {
      // The exception quotes the payload, which is the secret: it is left out on purpose.
      bytes = null;
    }
    if (bytes == null) {
      throw new SecretFetchException(
          SecretFailure.UNAVAILABLE,
          "the answer for " + version + " holds no base64 payload.data (is the endpoint right?)");
    }
    Optional<String> crc = payload.flatMap(p -> text(p, "dataCrc32c"));
    if (crc.isPresent()) {
      CRC32C check = new CRC32C();
      check.update(bytes);
      if (!Long.toString(check.getValue()).equals(crc.get())) {
        throw new SecretFetchException(
            SecretFailure.UNAVAILABLE,
            "the payload of " + version + " does not match its CRC32C checksum; try again");
      }
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The {@code error.message} of an error body, or the start of the body when it has none. */
  private static String errorMessage(String body) {
    return object(body)
        .flatMap(root -> child(root, "error"))
        .flatMap(error -> text(error, "message"))
        .orElse(body.length() > MAX_SHOWN_BODY ? body.substring(0, MAX_SHOWN_BODY) : body);
  }

  private static Optional<JsonObject> object(String json) {
    try {
      JsonElement root = JsonParser.parseString(json);
      return root.isJsonObject() ? Optional.of(root.getAsJsonObject()) : Optional.empty();
    } catch (JsonParseException e) {
      // Not JSON: a proxy's page, or the wrong endpoint. The caller says so.
      return Optional.empty();
    }
  }

  private static Optional<JsonObject> child(JsonObject parent, String name) {
    JsonElement child = parent.get(name);
    return child != null && child.isJsonObject()
        ? Optional.of(child.getAsJsonObject())
        : Optional.empty();
  }

  private static Optional<String> text(JsonObject parent, String name) {
    JsonElement value = parent.get(name);
    return value != null && value.isJsonPrimitive()
        ? Optional.of(value.getAsString())
        : Optional.empty();
  }

  @Override
  public void close() {
    // The JDK HTTP client of Java 17 has nothing to close; credentials hold no resources.
  }
}
