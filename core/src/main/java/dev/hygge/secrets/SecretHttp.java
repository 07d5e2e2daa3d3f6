package dev.hygge.secrets;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * GETs a secret from a REST secret manager with a bearer token, over the JDK's HTTP client, and
 * maps what can go wrong on the way to a {@link SecretFetchException}.
 */
public final class SecretHttp {
  private static final int FIRST_ERROR_STATUS = 300;
  private static final int UNAUTHORIZED = 401;
  private static final int FORBIDDEN = 403;
  private static final int NOT_FOUND = 404;

  private final HttpClient client;

  public SecretHttp(HttpClient client) {
    this.client = requireNonNull(client, "client is null");
  }

  /** A client on the JDK's default HTTP client. */
  public static SecretHttp standard() {
    return new SecretHttp(
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
  }

  /**
   * Sends {@code GET uri} with {@code Authorization: Bearer token}.
   *
   * @return the response, whatever its status
   * @throws SecretFetchException {@link SecretFailure#TIMEOUT} when no answer came in time, {@link
   *     SecretFailure#UNAVAILABLE} when the server could not be reached
   */
  public HttpResponse<String> get(URI uri, String token, Duration timeout)
      throws SecretFetchException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .GET()
            .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new SecretFetchException(
          SecretFailure.TIMEOUT,
          "no answer from "
              + uri.getHost()
              + " within "
              + SecretCache.shown(timeout)
              + " (options.secret_timeout)",
          e);
    } catch (IOException e) {
      throw new SecretFetchException(
          SecretFailure.UNAVAILABLE, "cannot reach " + uri.getHost() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SecretFetchException(
          SecretFailure.TIMEOUT, "stopped waiting for " + uri.getHost(), e);
    }
  }

  /** Whether the status is a success. */
  public static boolean ok(int status) {
    return status < FIRST_ERROR_STATUS;
  }

  /** What an error status means for a secret read. */
  public static SecretFailure failure(int status) {
    if (status == NOT_FOUND) {
      return SecretFailure.NOT_FOUND;
    }
    if (status == UNAUTHORIZED || status == FORBIDDEN) {
      return SecretFailure.ACCESS_DENIED;
    }
    return SecretFailure.UNAVAILABLE;
  }
}
