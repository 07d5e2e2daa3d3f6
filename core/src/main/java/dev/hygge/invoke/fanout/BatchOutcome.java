package dev.hygge.invoke.fanout;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What one send of one batch did: the entries the service accepted and those it did not.
 *
 * @param sent accepted entries
 * @param failed refused entries, each saying whether a retry can help
 */
public record BatchOutcome(List<SentRun> sent, List<FailedRun> failed) {
  public BatchOutcome {
    sent = List.copyOf(requireNonNull(sent, "sent is null"));
    failed = List.copyOf(requireNonNull(failed, "failed is null"));
  }
}
