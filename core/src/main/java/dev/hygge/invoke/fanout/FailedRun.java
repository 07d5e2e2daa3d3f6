package dev.hygge.invoke.fanout;

import static java.util.Objects.requireNonNull;

import dev.hygge.invoke.ManualRun;

/**
 * One run message a queue did not accept on one try.
 *
 * @param run the run the message asks for
 * @param reason the service's error code and message
 * @param retryable whether sending it again can help (throttling, a server error), as opposed to a
 *     message the service will always refuse
 */
public record FailedRun(ManualRun run, String reason, boolean retryable) {
  public FailedRun {
    requireNonNull(run, "run is null");
    requireNonNull(reason, "reason is null");
  }
}
