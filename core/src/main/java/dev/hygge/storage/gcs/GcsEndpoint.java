package dev.hygge.storage.gcs;

import static java.util.Objects.requireNonNull;

import com.google.api.gax.retrying.RetrySettings;
import com.google.auth.Credentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import com.google.cloud.storage.StorageRetryStrategy;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where Cloud Storage is and how to build a client for it. A host override means an emulator
 * (fake-gcs-server) or a private endpoint.
 *
 * @param projectId the Google Cloud project; empty lets the client find it from the environment
 *     ({@code GOOGLE_CLOUD_PROJECT}, the credential, the metadata server)
 * @param host the JSON API's base URL, empty for {@code https://storage.googleapis.com}
 */
public record GcsEndpoint(Optional<String> projectId, Optional<URI> host) {
  /** Each retry waits up to twice as long as the one before, as Cloud Storage recommends. */
  private static final double BACKOFF_MULTIPLIER = 2.0;

  public GcsEndpoint {
    requireNonNull(projectId, "projectId is null");
    requireNonNull(host, "host is null");
  }

  /**
   * A JSON API client that retries throttling (429), server errors (5xx), request timeouts (408)
   * and dropped connections: at most {@link GcsOptions#maxAttempts()} attempts, exponential backoff
   * with jitter from {@link GcsOptions#baseDelay()} up to {@link GcsOptions#maxBackoff()}. The
   * caller closes the client.
   */
  public Storage newClient(GcsOptions options, Credentials credentials) {
    requireNonNull(options, "options is null");
    requireNonNull(credentials, "credentials is null");
    var builder =
        StorageOptions.http()
            .setCredentials(credentials)
            .setRetrySettings(retrySettings(options))
            // Every call this store makes is safe to repeat (reads, listings, deletes that accept
            // a missing object, uploads into a resumable session or guarded by a generation
            // precondition), so transient errors are retried for all of them, not only for the
            // calls the client can prove idempotent.
            .setStorageRetryStrategy(StorageRetryStrategy.getUniformStorageRetryStrategy());
    projectId.ifPresent(builder::setProjectId);
    host.ifPresent(uri -> builder.setHost(uri.toString()));
    return builder.build().getService();
  }

  /** Retries bounded by attempts alone, so a request that gives up has made every attempt. */
  static RetrySettings retrySettings(GcsOptions options) {
    return ServiceOptions.getDefaultRetrySettings().toBuilder()
        .setMaxAttempts(options.maxAttempts())
        .setInitialRetryDelayDuration(options.baseDelay())
        .setRetryDelayMultiplier(BACKOFF_MULTIPLIER)
        .setMaxRetryDelayDuration(options.maxBackoff())
        .setTotalTimeoutDuration(Duration.ZERO)
        .build();
  }
}
