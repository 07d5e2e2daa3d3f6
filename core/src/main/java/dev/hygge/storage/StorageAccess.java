package dev.hygge.storage;

import static java.util.Objects.requireNonNull;

import dev.hygge.credentials.NamedCredential;
import java.net.URI;
import java.util.Optional;

/**
 * How to reach the service a location lives in: the named credential, and where the service is.
 *
 * @param credential the named credential; empty uses the cloud's default chain
 * @param region the S3 region; empty lets the client follow the bucket's region
 * @param endpoint the service's URL, for S3-compatible services and emulators; empty for the cloud
 * @param account the Azure storage account of {@code az://} locations
 * @param partSize bytes per uploaded part (S3 multipart part, GCS resumable chunk, Azure block)
 */
public record StorageAccess(
    Optional<NamedCredential> credential,
    Optional<String> region,
    Optional<URI> endpoint,
    Optional<String> account,
    long partSize) {
  /** The default upload part size: 8 MiB. */
  public static final long DEFAULT_PART_SIZE = 8L * 1024 * 1024;

  public StorageAccess {
    requireNonNull(credential, "credential is null");
    requireNonNull(region, "region is null");
    requireNonNull(endpoint, "endpoint is null");
    requireNonNull(account, "account is null");
    if (partSize <= 0) {
      throw new IllegalArgumentException("partSize must be positive: " + partSize);
    }
  }

  /** Local files, or the cloud's defaults for everything. */
  public static StorageAccess defaults() {
    return new StorageAccess(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_PART_SIZE);
  }
}
