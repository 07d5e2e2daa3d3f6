package dev.hygge.invoke.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which fan-out queue the configuration names, read as SmallRye reads environment variables. */
class FanOutSettingsTest {
  /** Settings from variables named as in the environment (HYGGE_FANOUT_QUEUE_URL...). */
  private static FanOutSettings fromEnvironment(Map<String, String> variables) {
    return FanOutSettings.from(
        new SmallRyeConfigBuilder()
            .withSources(new io.smallrye.config.EnvConfigSource(variables, 0) {})
            .build());
  }

  private static FanOutSettings fromProperties(Map<String, String> properties) {
    return FanOutSettings.from(
        new SmallRyeConfigBuilder()
            .withSources(new PropertiesConfigSource(properties, "test", 0))
            .build());
  }

  @Test
  void nothingConfiguredMeansNoFanOut() {
    FanOutSettings settings = fromEnvironment(Map.of());

    assertThat(settings).isEqualTo(FanOutSettings.none());
    assertThat(RunQueues.open(settings)).isEmpty();
  }

  @Test
  void anSqsQueueUrlFromTheEnvironment() {
    FanOutSettings settings =
        fromEnvironment(
            Map.of(
                "HYGGE_FANOUT_QUEUE_URL",
                "https://sqs.eu-west-1.amazonaws.com/123456789012/hygge-events",
                "HYGGE_FANOUT_ATTEMPTS",
                "8",
                "HYGGE_FANOUT_FIRST_BACKOFF_MS",
                "50",
                "HYGGE_FANOUT_MAX_BACKOFF_MS",
                "2000"));

    assertThat(settings.target())
        .contains(
            new FanOutTarget.Sqs("https://sqs.eu-west-1.amazonaws.com/123456789012/hygge-events"));
    assertThat(settings.retry())
        .isEqualTo(new SendRetry(8, Duration.ofMillis(50), Duration.ofMillis(2000)));
    try (RunQueue queue = RunQueues.open(settings).orElseThrow()) {
      assertThat(queue.describe())
          .isEqualTo("SQS queue https://sqs.eu-west-1.amazonaws.com/123456789012/hygge-events");
    }
  }

  @Test
  void aPubSubTopicFromTheEnvironment() {
    FanOutSettings settings =
        fromEnvironment(Map.of("HYGGE_FANOUT_TOPIC", "projects/p/topics/hygge-runs"));

    assertThat(settings.target()).contains(new FanOutTarget.PubSub("projects/p/topics/hygge-runs"));
    assertThat(settings.retry()).isEqualTo(SendRetry.defaults());
  }

  @Test
  void anAzureQueueWithTheHostsConnectionString() {
    FanOutSettings settings =
        fromEnvironment(
            Map.of(
                "HYGGE_FANOUT_QUEUE", "hygge-runs",
                "AzureWebJobsStorage",
                    "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=k"));

    assertThat(settings.target())
        .contains(
            new FanOutTarget.AzureQueue(
                "hygge-runs",
                "AzureWebJobsStorage",
                Optional.of("DefaultEndpointsProtocol=https;AccountName=a;AccountKey=k"),
                Optional.empty()));
  }

  @Test
  void anAzureQueueWithAnIdentityBasedConnection() {
    FanOutSettings byAccount =
        fromEnvironment(
            Map.of(
                "HYGGE_FANOUT_QUEUE", "hygge-runs",
                "AzureWebJobsStorage__accountName", "hyggeruns"));
    FanOutSettings byUri =
        fromEnvironment(
            Map.of(
                "HYGGE_FANOUT_QUEUE", "hygge-runs",
                "HYGGE_FANOUT_CONNECTION", "Runs",
                "Runs__queueServiceUri", "https://other.queue.core.windows.net"));

    assertThat(byAccount.target())
        .contains(
            new FanOutTarget.AzureQueue(
                "hygge-runs",
                "AzureWebJobsStorage",
                Optional.empty(),
                Optional.of(URI.create("https://hyggeruns.queue.core.windows.net"))));
    assertThat(byUri.target())
        .contains(
            new FanOutTarget.AzureQueue(
                "hygge-runs",
                "Runs",
                Optional.empty(),
                Optional.of(URI.create("https://other.queue.core.windows.net"))));
  }

  @Test
  void anAzureQueueWithoutConnectionSaysWhatToSet() {
    assertThatThrownBy(() -> fromEnvironment(Map.of("HYGGE_FANOUT_QUEUE", "hygge-runs")))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "HYGGE_FANOUT_QUEUE names queue 'hygge-runs' but its connection AzureWebJobsStorage is"
                + " not set: set AzureWebJobsStorage to the storage account's connection string, or"
                + " AzureWebJobsStorage__queueServiceUri (or AzureWebJobsStorage__accountName) for"
                + " an identity-based connection.")
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.CONFIG);
  }

  @Test
  void twoQueuesAreRefused() {
    assertThatThrownBy(
            () ->
                fromProperties(
                    Map.of(
                        FanOutSettings.QUEUE_URL, "http://127.0.0.1:9324/000000000000/q",
                        FanOutSettings.TOPIC, "projects/p/topics/t")))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "More than one fan-out queue is configured (HYGGE_FANOUT_QUEUE_URL,"
                + " HYGGE_FANOUT_TOPIC): set only the one of the cloud the function runs on.");
  }

  @Test
  void malformedNumbersAndUrlsNameTheVariable() {
    assertThatThrownBy(
            () ->
                fromProperties(
                    Map.of(
                        FanOutSettings.TOPIC, "projects/p/topics/t",
                        FanOutSettings.ATTEMPTS, "0")))
        .isInstanceOf(HyggeException.class)
        .hasMessage("HYGGE_FANOUT_ATTEMPTS must be a whole number of 1 or more, got '0'.");
    assertThatThrownBy(
            () ->
                fromProperties(
                    Map.of(
                        FanOutSettings.TOPIC, "projects/p/topics/t",
                        FanOutSettings.ENDPOINT, "localhost")))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "HYGGE_FANOUT_ENDPOINT 'localhost' is not a URL such as http://127.0.0.1:9324.");
  }

  @Test
  void aQueueUrlThatIsNoUrlIsRefused() {
    FanOutSettings settings = fromProperties(Map.of(FanOutSettings.QUEUE_URL, "hygge-events"));

    assertThatThrownBy(() -> RunQueues.open(settings))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith(
            "HYGGE_FANOUT_QUEUE_URL 'hygge-events' is not a queue URL (not an http(s) URL with a"
                + " host)");
  }
}
