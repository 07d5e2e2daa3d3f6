package dev.hygge.storage.s3;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where S3 is and how to build a client for it. An endpoint override means an S3-compatible service
 * (MinIO, s3proxy, Ceph), addressed path-style.
 *
 * @param region the AWS region, e.g. {@code eu-west-1}
 * @param endpointOverride the service's URL, empty for AWS itself
 */
public record S3Endpoint(String region, Optional<URI> endpointOverride) {
  public S3Endpoint {
    requireNonNull(region, "region is null");
    requireNonNull(endpointOverride, "endpointOverride is null");
  }

  /**
   * A client that retries throttling and transient errors (5xx, connection resets, timeouts) with
   * the SDK's standard strategy: at most {@link S3Options#maxAttempts()} attempts, exponential
   * backoff with full jitter from {@link S3Options#baseDelay()} up to {@link
   * S3Options#maxBackoff()}, the same bounds for throttling. The caller closes the client.
   */
  public S3Client newClient(S3Options options, AwsCredentialsProvider credentials) {
    requireNonNull(options, "options is null");
    requireNonNull(credentials, "credentials is null");
    BackoffStrategy backoff =
        BackoffStrategy.exponentialDelay(options.baseDelay(), options.maxBackoff());
    var builder =
        S3Client.builder()
            .region(Region.of(region))
            .credentialsProvider(credentials)
            .overrideConfiguration(
                o ->
                    o.retryStrategy(
                        AwsRetryStrategy.standardRetryStrategy().toBuilder()
                            .maxAttempts(options.maxAttempts())
                            .backoffStrategy(backoff)
                            .throttlingBackoffStrategy(backoff)
                            .build()));
    if (endpointOverride.isPresent()) {
      builder.endpointOverride(endpointOverride.get()).forcePathStyle(true);
    } else {
      // A bucket in another region than the client's is reached by following S3's redirect.
      builder.crossRegionAccessEnabled(true);
    }
    return builder.build();
  }
}
