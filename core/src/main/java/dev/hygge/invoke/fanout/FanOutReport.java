package dev.hygge.invoke.fanout;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a fan-out sent: one run message per entity of the flow, each to be run by its own
 * invocation. Adapters return it as the schedule's response.
 *
 * @param flow the flow the schedule named
 * @param queue the queue or topic the messages went to
 * @param sent one message per entity
 */
public record FanOutReport(String flow, String queue, List<SentRun> sent) {
  public FanOutReport {
    requireNonNull(flow, "flow is null");
    requireNonNull(queue, "queue is null");
    sent = List.copyOf(requireNonNull(sent, "sent is null"));
  }

  /** The entities a message was sent for, {@code flow.entity}, in the order sent. */
  public List<String> entities() {
    return sent.stream().map(SentRun::qualifiedName).toList();
  }
}
