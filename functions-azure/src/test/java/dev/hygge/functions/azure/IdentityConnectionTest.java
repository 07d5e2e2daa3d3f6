package dev.hygge.functions.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.invoke.fanout.FanOutSettings;
import dev.hygge.invoke.fanout.FanOutTarget;
import dev.hygge.invoke.fanout.RunQueue;
import dev.hygge.invoke.fanout.RunQueues;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The fan-out queue with the identity-based host connection deploy/azure configures (no connection
 * string: {@code AzureWebJobsStorage__queueServiceUri} or {@code __accountName}, signed by the
 * managed identity): this module's dependencies open it, so the package carries the Azure identity
 * library. No managed identity can be had here, so nothing is sent.
 */
class IdentityConnectionTest {
  private static FanOutSettings settings(Map<String, String> properties) {
    return FanOutSettings.from(
        new SmallRyeConfigBuilder()
            .withSources(new PropertiesConfigSource(properties, "app settings", 0))
            .build());
  }

  @Test
  void theQueueServiceUriOfTheHostConnectionOpensTheQueueWithTheManagedIdentity() {
    FanOutSettings settings =
        settings(
            Map.of(
                FanOutSettings.QUEUE,
                FanOutFunction.QUEUE,
                "AzureWebJobsStorage__accountName",
                "hyggehost",
                "AzureWebJobsStorage__queueServiceUri",
                "https://hyggehost.queue.core.windows.net/"));

    assertThat(settings.target())
        .contains(
            new FanOutTarget.AzureQueue(
                FanOutFunction.QUEUE,
                FanOutFunction.CONNECTION,
                Optional.empty(),
                Optional.of(URI.create("https://hyggehost.queue.core.windows.net/"))));
    try (RunQueue queue = RunQueues.open(settings).orElseThrow()) {
      assertThat(queue.describe()).contains(FanOutFunction.QUEUE);
    }
  }

  @Test
  void theAccountNameAloneNamesTheQueueService() {
    FanOutSettings settings =
        settings(
            Map.of(
                FanOutSettings.QUEUE,
                FanOutFunction.QUEUE,
                "AzureWebJobsStorage__accountName",
                "hyggehost"));

    assertThat(settings.target())
        .contains(
            new FanOutTarget.AzureQueue(
                FanOutFunction.QUEUE,
                FanOutFunction.CONNECTION,
                Optional.empty(),
                Optional.of(URI.create("https://hyggehost.queue.core.windows.net"))));
    try (RunQueue queue = RunQueues.open(settings).orElseThrow()) {
      assertThat(queue.describe()).contains(FanOutFunction.QUEUE);
    }
  }
}
