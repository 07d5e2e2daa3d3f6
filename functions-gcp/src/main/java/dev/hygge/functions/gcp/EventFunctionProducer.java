package dev.hygge.functions.gcp;

import dev.hygge.invoke.events.EventFunction;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Makes core's {@link EventFunction} once per process, configured from the function's environment
 * ({@code HYGGE_PROJECT}, {@code HYGGE_FANOUT_TOPIC}, {@code HYGGE_FUNCTION_MARGIN_SECONDS}).
 */
@Singleton
public class EventFunctionProducer {
  @Produces
  @Singleton
  EventFunction eventFunction() {
    return EventFunction.fromEnvironment();
  }
}
