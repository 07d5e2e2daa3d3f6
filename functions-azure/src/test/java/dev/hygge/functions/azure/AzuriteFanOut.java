package dev.hygge.functions.azure;

import dev.hygge.testing.Azurite;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Azurite for the Quarkus app, configured as a deployed function app with a fan-out queue: the host
 * connection {@code AzureWebJobsStorage} is Azurite's connection string and {@code
 * HYGGE_FANOUT_QUEUE} is {@code hygge-runs}.
 */
public final class AzuriteFanOut implements QuarkusTestResourceLifecycleManager {
  /** The connection setting the queue trigger and the fan-out use. */
  static final String CONNECTION = FanOutFunction.CONNECTION;

  private Azurite azurite;

  @Override
  public Map<String, String> start() {
    azurite = Azurite.start();
    return Map.of(
        CONNECTION, azurite.connectionString(), "hygge.fanout.queue", FanOutFunction.QUEUE);
  }

  @Override
  public void stop() {
    if (azurite != null) {
      azurite.close();
    }
  }

  /** The sales project with the schedule's flow, and Azurite as the app's storage. */
  public static final class Profile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return new SalesProject.Profile().getConfigOverrides();
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(AzuriteFanOut.class));
    }
  }
}
