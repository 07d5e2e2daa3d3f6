package dev.hygge.functions.aws;

import java.util.List;
import java.util.Map;

/** The shared test project of core's test jar, for this module, and its Quarkus test profile. */
final class SalesProject {
  /** This module's project. */
  static final dev.hygge.testing.SalesProject PROJECT =
      new dev.hygge.testing.SalesProject("functions-aws");

  /** The rows of the project's {@code orders.csv}. */
  static final int ORDER_ROWS = dev.hygge.testing.SalesProject.ORDER_ROWS;

  private SalesProject() {}

  /**
   * Points {@code hygge.project} at the project directory, and {@code hygge.fanout.queue-url} at a
   * queue on ElasticMQ, as the SAM template always configures the function. One profile for all
   * tests: a new profile restarts Quarkus, which would bind the mock event server's port again.
   */
  public static final class Profile implements io.quarkus.test.junit.QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("hygge.project", PROJECT.dir().toString());
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(ElasticMqResource.class));
    }
  }
}
