package dev.hygge.invoke.fanout;

import static java.util.Objects.requireNonNull;

import dev.hygge.invoke.ManualRun;

/**
 * One run message a queue accepted.
 *
 * @param run the run the message asks for
 * @param messageId the id the service gave the message
 */
public record SentRun(ManualRun run, String messageId) {
  public SentRun {
    requireNonNull(run, "run is null");
    requireNonNull(messageId, "messageId is null");
  }

  /** {@code flow.entity}, or the flow alone for a message that runs a whole flow. */
  public String qualifiedName() {
    return RunMessages.name(run);
  }
}
