package dev.hygge.invoke.fanout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hygge.invoke.ManualRun;

/**
 * The body of a run message: {@code {"flow": "sales", "entity": "orders"}}, the JSON every
 * function's manual and fan-out triggers accept; a run of a whole flow leaves {@code entity} out.
 */
public final class RunMessages {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunMessages() {}

  /** The message body for a run. */
  public static String json(ManualRun run) {
    ObjectNode body = JSON.createObjectNode();
    body.put("flow", run.flow());
    if (run.entity() != null) {
      body.put("entity", run.entity());
    }
    return body.toString();
  }

  /** {@code flow.entity}, or the flow alone, for messages. */
  static String name(ManualRun run) {
    return run.entity() == null ? run.flow() : run.flow() + "." + run.entity();
  }
}
