package dev.hygge.invoke.events;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An event payload understood: which shape it had and the deliveries it carries, in payload order.
 *
 * @param shape the payload's shape, e.g. {@code SQS message batch}
 * @param deliveries the units of work
 */
public record ParsedEvent(String shape, List<Delivery> deliveries) {
  /**
   * The shape of an SQS message batch, whose deliveries are its messages (acknowledged by message
   * id, e.g. in SQS {@code batchItemFailures}).
   */
  public static final String SQS_BATCH_SHAPE = "SQS message batch";

  public ParsedEvent {
    requireNonNull(shape, "shape is null");
    deliveries = List.copyOf(requireNonNull(deliveries, "deliveries is null"));
  }

  /** A payload that is one delivery. */
  public static ParsedEvent of(String shape, Delivery delivery) {
    return new ParsedEvent(shape, List.of(delivery));
  }
}
