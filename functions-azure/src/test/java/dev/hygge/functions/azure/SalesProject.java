package dev.hygge.functions.azure;

import java.util.Map;

/** The shared test project of core's test jar, for this module, and its Quarkus test profile. */
final class SalesProject {
  /** This module's project. */
  static final dev.hygge.testing.SalesProject PROJECT =
      new dev.hygge.testing.SalesProject("functions-azure");

  /** The rows of the project's {@code orders.csv}. */
  static final int ORDER_ROWS = dev.hygge.testing.SalesProject.ORDER_ROWS;

  private SalesProject() {}

  /** Points {@code hygge.project} at the project directory; the schedule runs flow sales. */
  public static final class Profile implements io.quarkus.test.junit.QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "hygge.project", PROJECT.dir().toString(), ScheduledFunction.FLOW_SETTING, "sales");
    }
  }
}
