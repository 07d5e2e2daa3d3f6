package dev.hygge.invoke.fanout.pubsub;

import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.util.Optional;

/**
 * Access tokens from Application Default Credentials (the function's service account on Google
 * Cloud, {@code GOOGLE_APPLICATION_CREDENTIALS} elsewhere), loaded on first use and refreshed by
 * google-auth-library when they near expiry.
 */
public final class GoogleAccessTokens implements AccessTokens {
  private static final String PUBSUB_SCOPE = "https://www.googleapis.com/auth/pubsub";

  private GoogleCredentials credentials;

  @Override
  public synchronized Optional<String> token() throws IOException {
    if (credentials == null) {
      credentials = GoogleCredentials.getApplicationDefault().createScoped(PUBSUB_SCOPE);
    }
    credentials.refreshIfExpired();
    return Optional.of(credentials.getAccessToken().getTokenValue());
  }
}
