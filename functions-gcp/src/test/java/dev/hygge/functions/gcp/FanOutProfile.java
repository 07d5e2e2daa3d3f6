package dev.hygge.functions.gcp;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The sales project, the invoker's port, and the fan-out topic {@value #TOPIC} on a {@link
 * FakePubSub} whose port is chosen once per JVM.
 */
public class FanOutProfile implements QuarkusTestProfile {
  /** The fan-out topic. */
  static final String TOPIC = "projects/hygge-demo/topics/hygge-runs";

  private static final String PUBSUB_PORT = "hygge.test.functions-gcp.pubsub-port";

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "hygge.project",
        SalesProject.PROJECT.dir().toString(),
        "quarkus.http.test-port",
        SalesProject.invokerPort(),
        "hygge.fanout.topic",
        TOPIC,
        "hygge.fanout.endpoint",
        "http://127.0.0.1:" + SalesProject.freePort(PUBSUB_PORT));
  }

  /** Starts the fake on the port the running test application's configuration names. */
  static FakePubSub startPubSub() {
    String endpoint = ConfigProvider.getConfig().getValue("hygge.fanout.endpoint", String.class);
    return FakePubSub.start(
        Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1)), TOPIC);
  }

  /** Gives the project's flow a second entity, {@code customers} (two rows, ids 1 and 2). */
  static void addCustomers(Path project) throws IOException {
    Files.createDirectories(project.resolve("landing/customers"));
    Files.writeString(project.resolve("landing/customers/customers.csv"), "id,name\n1,Ada\n2,Bo\n");
    Files.writeString(
        project.resolve("hygge.yml"),
        """
        name: fn
        flows:
          sales:
            home: {type: csv, path: landing}
            store: {type: parquet, path: lake}
            run_type: incremental
            entities: [orders, customers]
        """);
  }

  /** {@link FanOutProfile} with no time left: the function's timeout equals core's margin. */
  public static final class NoTimeLeft extends FanOutProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> overrides = new java.util.HashMap<>(super.getConfigOverrides());
      overrides.put("hygge.function.timeout", "30s");
      overrides.put("hygge.function.margin-seconds", "30");
      return overrides;
    }
  }
}
