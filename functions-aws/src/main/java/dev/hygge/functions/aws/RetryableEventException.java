package dev.hygge.functions.aws;

/**
 * The function error for an event (not from SQS) whose run failed in a way a retry can help: Lambda
 * reports it with this class as the {@code errorType} and retries an asynchronous invocation
 * (EventBridge, Scheduler) by its retry policy.
 */
public final class RetryableEventException extends RuntimeException {
  RetryableEventException(String message) {
    super(message);
  }
}
