package dev.hygge.invoke.events;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.invoke.Invocation;
import dev.hygge.storage.CreatedObject;
import java.util.List;
import java.util.function.Supplier;

/** Builds deliveries, and keeps one bad message of a batch from failing the others. */
final class Deliveries {
  private Deliveries() {}

  /**
   * The deliveries one message of a batch carries; a CONFIG error while reading it becomes one
   * {@link Delivery.Malformed} for that message, so the rest of the batch still runs.
   */
  static List<Delivery> orMalformed(String id, String subject, Supplier<List<Delivery>> parse) {
    try {
      return parse.get();
    } catch (HyggeException e) {
      if (e.kind() != ErrorKind.CONFIG) {
        throw e;
      }
      return List.of(new Delivery.Malformed(id, subject, e));
    }
  }

  /** A run of the entities that read a created object. */
  static Delivery created(String id, CreatedObject object) {
    return new Delivery.Run(
        id,
        object.describe(),
        new Invocation.ObjectCreated(object, Invocation.RunOptions.defaults()));
  }

  /** What a run invocation asks for, for messages and summaries. */
  static String subject(Invocation.Scheduled run) {
    return "run of flow "
        + run.flow()
        + run.entity().map(e -> ", entity " + e).orElse(" (every entity)");
  }
}
