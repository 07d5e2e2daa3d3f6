package dev.hygge.storage.gcs;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the Cloud Storage store talks to Cloud Storage.
 *
 * @param chunkSize bytes per resumable upload request, a multiple of {@value #CHUNK_GRANULARITY}
 *     (Cloud Storage's granularity); the client buffers one chunk per open upload, so memory stays
 *     flat for any object size
 * @param listPageSize objects per listing request, 1 to {@value #MAX_LIST_PAGE_SIZE}
 * @param maxAttempts attempts per request, including the first, on throttling (429), server errors
 *     (5xx), request timeouts (408) and dropped connections
 * @param baseDelay the first retry's backoff; it doubles per attempt, with jitter
 * @param maxBackoff the largest backoff between two attempts
 */
public record GcsOptions(
    long chunkSize, int listPageSize, int maxAttempts, Duration baseDelay, Duration maxBackoff) {
  /** Cloud Storage takes resumable upload chunks in multiples of 256 KiB (except the last). */
  public static final int CHUNK_GRANULARITY = 256 * 1024;

  /** The largest chunk: the client buffers a chunk in one array. */
  public static final long MAX_CHUNK_SIZE =
      (Integer.MAX_VALUE / CHUNK_GRANULARITY) * (long) CHUNK_GRANULARITY;

  /** Cloud Storage returns at most this many objects per listing page. */
  public static final int MAX_LIST_PAGE_SIZE = 1000;

  /** Default chunk size: 16 MiB. */
  public static final long DEFAULT_CHUNK_SIZE = 16L * 1024 * 1024;

  /** Default attempts per request (the client library's default). */
  public static final int DEFAULT_MAX_ATTEMPTS = 6;

  /** Default first backoff (the client library's default). */
  public static final Duration DEFAULT_BASE_DELAY = Duration.ofSeconds(1);

  /** Default largest backoff (the client library's default). */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(32);

  public GcsOptions {
    requireNonNull(baseDelay, "baseDelay is null");
    requireNonNull(maxBackoff, "maxBackoff is null");
    if (chunkSize < CHUNK_GRANULARITY
        || chunkSize > MAX_CHUNK_SIZE
        || chunkSize % CHUNK_GRANULARITY != 0) {
      throw new IllegalArgumentException(
          "chunkSize must be a multiple of "
              + CHUNK_GRANULARITY
              + " between "
              + CHUNK_GRANULARITY
              + " and "
              + MAX_CHUNK_SIZE
              + ": "
              + chunkSize);
    }
    if (listPageSize < 1 || listPageSize > MAX_LIST_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "listPageSize must be between 1 and " + MAX_LIST_PAGE_SIZE + ": " + listPageSize);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    if (baseDelay.isNegative() || maxBackoff.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException(
          "need 0 <= baseDelay <= maxBackoff: " + baseDelay + ", " + maxBackoff);
    }
  }

  /** The defaults documented on each constant. */
  public static GcsOptions defaults() {
    return new GcsOptions(
        DEFAULT_CHUNK_SIZE,
        MAX_LIST_PAGE_SIZE,
        DEFAULT_MAX_ATTEMPTS,
        DEFAULT_BASE_DELAY,
        DEFAULT_MAX_BACKOFF);
  }

  /** These options with another chunk size. */
  public GcsOptions withChunkSize(long bytes) {
    return new GcsOptions(bytes, listPageSize, maxAttempts, baseDelay, maxBackoff);
  }

  /** These options with another listing page size. */
  public GcsOptions withListPageSize(int objects) {
    return new GcsOptions(chunkSize, objects, maxAttempts, baseDelay, maxBackoff);
  }

  /** These options with other retry bounds. */
  public GcsOptions withRetries(int attempts, Duration firstDelay, Duration largestDelay) {
    return new GcsOptions(chunkSize, listPageSize, attempts, firstDelay, largestDelay);
  }
}
