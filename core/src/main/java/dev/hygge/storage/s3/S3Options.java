package dev.hygge.storage.s3;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the S3 store talks to S3.
 *
 * @param partSize bytes per multipart upload part, at least {@value #MIN_PART_SIZE} (S3's minimum);
 *     one part is buffered in memory per open upload, so memory stays flat for any object size
 * @param listPageSize objects per listing request, 1 to {@value #MAX_LIST_PAGE_SIZE}
 * @param maxAttempts attempts per request, including the first, on throttling and transient errors
 * @param baseDelay the first retry's backoff ceiling; it doubles per attempt, with full jitter
 * @param maxBackoff the largest backoff between two attempts
 * @param uploadConcurrency parts of one upload in flight at once; an upload holds this many parts
 *     plus the one filling in memory
 */
public record S3Options(
    long partSize,
    int listPageSize,
    int maxAttempts,
    Duration baseDelay,
    Duration maxBackoff,
    int uploadConcurrency) {
  /** S3 refuses smaller parts (except the last). */
  public static final long MIN_PART_SIZE = 5L * 1024 * 1024;

  /** S3 returns at most this many keys per listing page. */
  public static final int MAX_LIST_PAGE_SIZE = 1000;

  /** Default part size: 8 MiB. */
  public static final long DEFAULT_PART_SIZE = 8L * 1024 * 1024;

  /** Default attempts per request. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  /** Default first backoff ceiling. */
  public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(100);

  /** Default parts in flight per upload. */
  public static final int DEFAULT_UPLOAD_CONCURRENCY = 4;

  /** Default largest backoff. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(20);

  public S3Options {
    requireNonNull(baseDelay, "baseDelay is null");
    requireNonNull(maxBackoff, "maxBackoff is null");
    if (partSize < MIN_PART_SIZE || partSize > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "partSize must be between "
              + MIN_PART_SIZE
              + " and "
              + Integer.MAX_VALUE
              + ": "
              + partSize);
    }
    if (listPageSize < 1 || listPageSize > MAX_LIST_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "listPageSize must be between 1 and " + MAX_LIST_PAGE_SIZE + ": " + listPageSize);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    if (uploadConcurrency < 1) {
      throw new IllegalArgumentException(
          "uploadConcurrency must be at least 1: " + uploadConcurrency);
    }
    if (baseDelay.isNegative() || maxBackoff.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException(
          "need 0 <= baseDelay <= maxBackoff: " + baseDelay + ", " + maxBackoff);
    }
  }

  /** Options with the default upload concurrency. */
  public S3Options(
      long partSize, int listPageSize, int maxAttempts, Duration baseDelay, Duration maxBackoff) {
    this(partSize, listPageSize, maxAttempts, baseDelay, maxBackoff, DEFAULT_UPLOAD_CONCURRENCY);
  }

  /** The defaults documented on each constant. */
  public static S3Options defaults() {
    return new S3Options(
        DEFAULT_PART_SIZE,
        MAX_LIST_PAGE_SIZE,
        DEFAULT_MAX_ATTEMPTS,
        DEFAULT_BASE_DELAY,
        DEFAULT_MAX_BACKOFF);
  }

  /** These options with another part size. */
  public S3Options withPartSize(long bytes) {
    return new S3Options(
        bytes, listPageSize, maxAttempts, baseDelay, maxBackoff, uploadConcurrency);
  }

  /** These options with another listing page size. */
  public S3Options withListPageSize(int objects) {
    return new S3Options(partSize, objects, maxAttempts, baseDelay, maxBackoff, uploadConcurrency);
  }

  /** These options with another number of parts in flight per upload. */
  public S3Options withUploadConcurrency(int parts) {
    return new S3Options(partSize, listPageSize, maxAttempts, baseDelay, maxBackoff, parts);
  }
}
