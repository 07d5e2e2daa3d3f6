package dev.hygge.invoke.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.ManualRun;

/**
 * The run message every cloud accepts, {@code {"flow": "sales", "entity": "orders"}}: a schedule's
 * input, a fan-out message, a direct invocation or an HTTP body. It becomes {@link
 * Invocation.Scheduled}, validated as {@link ManualRun} validates a manual request.
 */
final class RunMessages {
  static final String SHAPE = "run message";

  private RunMessages() {}

  /** Whether a JSON value has the run message's discriminating field, {@code flow}. */
  static boolean matches(JsonNode node) {
    return node.isObject() && node.has("flow");
  }

  /** The run a message asks for, acknowledged by {@code id}. */
  static Delivery parse(JsonNode node, String id, String path) {
    ManualRun request = EventJson.bind(node, ManualRun.class, path, SHAPE);
    try {
      Invocation.Scheduled run = request.toInvocation();
      return new Delivery.Run(id, Deliveries.subject(run), run);
    } catch (HyggeException e) {
      if (path.isEmpty()) {
        throw e;
      }
      throw new HyggeException(ErrorKind.CONFIG, path + ": " + e.getMessage(), e);
    }
  }
}
