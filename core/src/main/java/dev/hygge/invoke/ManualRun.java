package dev.hygge.invoke;

import dev.hygge.HyggeException;
import java.util.Optional;

/**
 * A request to run one flow, or one entity of it, now: the body every function's manual trigger
 * accepts, e.g. {@code {"flow": "sales", "entity": "orders"}}.
 *
 * <p>This is the request as it arrived on the wire, so its fields may be missing: {@link
 * #toInvocation()} validates it, and every cloud adapter reports the same client error for a bad
 * request.
 *
 * @param flow the flow to run (required; {@code null} when the request omitted it)
 * @param entity one entity of the flow, or {@code null} for every entity of the flow
 */
public record ManualRun(String flow, String entity) {
  /** An example request, quoted in error messages. */
  public static final String EXAMPLE = "{\"flow\": \"sales\", \"entity\": \"orders\"}";

  /**
   * The invocation a request asks for; a missing request (a JSON {@code null} or an empty body) is
   * treated as a request without a flow.
   *
   * @throws HyggeException of kind CONFIG when the request, its flow or its entity is missing or
   *     blank
   */
  public static Invocation.Scheduled invocationOf(ManualRun request) {
    return (request == null ? new ManualRun(null, null) : request).toInvocation();
  }

  /**
   * The invocation this request asks for, with default run options.
   *
   * @throws HyggeException of kind CONFIG when the flow is missing or blank, or the entity is blank
   */
  public Invocation.Scheduled toInvocation() {
    if (flow == null || flow.isBlank()) {
      throw HyggeException.config(
          "A manual run needs a flow: send "
              + EXAMPLE
              + " (entity is optional; without it every entity of the flow runs).");
    }
    if (entity != null && entity.isBlank()) {
      throw HyggeException.config(
          "The manual run of flow "
              + flow
              + " names a blank entity: leave 'entity' out to run every entity of the flow,"
              + " or name one, e.g. "
              + EXAMPLE
              + ".");
    }
    return new Invocation.Scheduled(
        flow, Optional.ofNullable(entity), Invocation.RunOptions.defaults());
  }
}
