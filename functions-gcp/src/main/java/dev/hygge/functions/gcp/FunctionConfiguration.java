package dev.hygge.functions.gcp;

import dev.hygge.invoke.events.EventFunction;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Makes, once per process, what both functions use, from the function's environment. */
@Singleton
public class FunctionConfiguration {
  /** Core's event handling: {@code HYGGE_PROJECT}, {@code HYGGE_FANOUT_TOPIC}, its margin. */
  @Produces
  @Singleton
  EventFunction eventFunction() {
    return EventFunction.fromEnvironment();
  }

  /** The deployed timeout, {@value FunctionTimeout#SETTING}. */
  @Produces
  @Singleton
  FunctionTimeout functionTimeout(
      @ConfigProperty(name = FunctionTimeout.SETTING, defaultValue = FunctionTimeout.DEFAULT)
          Duration timeout) {
    return new FunctionTimeout(timeout);
  }
}
