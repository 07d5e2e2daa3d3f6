package dev.hygge.storage.azure;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the Azure stores talk to Blob Storage, ADLS Gen2 and OneLake.
 *
 * @param blockSize bytes per staged block (Blob) or append (ADLS), {@value #MIN_BLOCK_SIZE} to
 *     {@value #MAX_BLOCK_SIZE}; one block is buffered in memory per open upload, so memory stays
 *     flat for any object size
 * @param maxConcurrency blocks of one Blob upload staged at once, at least 1; an open upload holds
 *     at most {@code maxConcurrency + 1} block buffers (ADLS appends go one at a time, in order)
 * @param listPageSize objects per listing request, 1 to {@value #MAX_LIST_PAGE_SIZE}
 * @param maxAttempts attempts per request, including the first, on throttling (429, 503
 *     ServerBusy), 5xx and connection failures
 * @param baseDelay the first retry's delay; it grows exponentially per attempt
 * @param maxDelay the largest delay between two attempts
 * @param tryTimeout how long one attempt may take before it is abandoned and retried
 */
public record AzureOptions(
    int blockSize,
    int maxConcurrency,
    int listPageSize,
    int maxAttempts,
    Duration baseDelay,
    Duration maxDelay,
    Duration tryTimeout) {
  /** The smallest block: smaller ones make many requests for little data. */
  public static final int MIN_BLOCK_SIZE = 1024 * 1024;

  /** The largest block: it is one Java array (the service itself takes up to 4000 MiB). */
  public static final int MAX_BLOCK_SIZE = 1024 * 1024 * 1024;

  /** Blob Storage returns at most this many blobs per listing page. */
  public static final int MAX_LIST_PAGE_SIZE = 5000;

  /** Default block size: 8 MiB. */
  public static final int DEFAULT_BLOCK_SIZE = 8 * 1024 * 1024;

  /** Default blocks staged at once per upload. */
  public static final int DEFAULT_MAX_CONCURRENCY = 4;

  /** Default attempts per request. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  /** Default first retry delay. */
  public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(200);

  /** Default largest retry delay. */
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(20);

  /** Default time for one attempt: a block of the largest default size over a slow link. */
  public static final Duration DEFAULT_TRY_TIMEOUT = Duration.ofMinutes(2);

  public AzureOptions {
    requireNonNull(baseDelay, "baseDelay is null");
    requireNonNull(maxDelay, "maxDelay is null");
    requireNonNull(tryTimeout, "tryTimeout is null");
    if (blockSize < MIN_BLOCK_SIZE || blockSize > MAX_BLOCK_SIZE) {
      throw new IllegalArgumentException(
          "blockSize must be between "
              + MIN_BLOCK_SIZE
              + " and "
              + MAX_BLOCK_SIZE
              + ": "
              + blockSize);
    }
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be at least 1: " + maxConcurrency);
    }
    if (listPageSize < 1 || listPageSize > MAX_LIST_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "listPageSize must be between 1 and " + MAX_LIST_PAGE_SIZE + ": " + listPageSize);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    if (baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException(
          "need 0 < baseDelay <= maxDelay: " + baseDelay + ", " + maxDelay);
    }
    if (tryTimeout.isNegative() || tryTimeout.isZero()) {
      throw new IllegalArgumentException("tryTimeout must be positive: " + tryTimeout);
    }
  }

  /** The defaults documented on each constant. */
  public static AzureOptions defaults() {
    return new AzureOptions(
        DEFAULT_BLOCK_SIZE,
        DEFAULT_MAX_CONCURRENCY,
        MAX_LIST_PAGE_SIZE,
        DEFAULT_MAX_ATTEMPTS,
        DEFAULT_BASE_DELAY,
        DEFAULT_MAX_DELAY,
        DEFAULT_TRY_TIMEOUT);
  }

  /** These options with another block size. */
  public AzureOptions withBlockSize(int bytes) {
    return new AzureOptions(
        bytes, maxConcurrency, listPageSize, maxAttempts, baseDelay, maxDelay, tryTimeout);
  }

  /** These options with another number of blocks staged at once. */
  public AzureOptions withMaxConcurrency(int blocks) {
    return new AzureOptions(
        blockSize, blocks, listPageSize, maxAttempts, baseDelay, maxDelay, tryTimeout);
  }

  /** These options with another listing page size. */
  public AzureOptions withListPageSize(int objects) {
    return new AzureOptions(
        blockSize, maxConcurrency, objects, maxAttempts, baseDelay, maxDelay, tryTimeout);
  }

  /** These options with other retry bounds. */
  public AzureOptions withRetries(int attempts, Duration firstDelay, Duration largestDelay) {
    return new AzureOptions(
        blockSize, maxConcurrency, listPageSize, attempts, firstDelay, largestDelay, tryTimeout);
  }
}
