package dev.hygge.invoke.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueClientBuilder;
import com.azure.storage.queue.QueueMessageEncoding;
import com.azure.storage.queue.models.QueueMessageItem;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hygge.config.source.ProjectSourceSettings;
import dev.hygge.config.source.ProjectSources;
import dev.hygge.invoke.ManualRun;
import dev.hygge.invoke.events.DeliveryResult.DeliveryStatus;
import dev.hygge.invoke.fanout.FanOutSettings;
import dev.hygge.testing.Azurite;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The function facade on a local project with Azurite's queue as the fan-out queue: a schedule for
 * a whole flow fans out one message per entity, those messages run their entities, and an entity
 * stopped at the time budget gets a continuation message.
 */
class EventFunctionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Azurite azurite;

  @TempDir Path dir;
  private QueueClient queue;
  private String queueName;

  @BeforeAll
  static void startAzurite() {
    azurite = Azurite.start();
  }

  @AfterAll
  static void stopAzurite() {
    azurite.close();
  }

  @BeforeEach
  void project() throws Exception {
    queueName = "runs-" + dir.getFileName().toString().replaceAll("[^0-9]", "");
    queueName = queueName.substring(0, Math.min(queueName.length(), 40));
    queue =
        new QueueClientBuilder()
            .connectionString(azurite.connectionString())
            .queueName(queueName)
            .messageEncoding(QueueMessageEncoding.NONE)
            .buildClient();
    queue.create();
    for (String entity : List.of("orders", "refunds")) {
      Path landing = Files.createDirectories(dir.resolve("landing").resolve(entity));
      Files.writeString(landing.resolve("1.csv"), "id\n1\n2\n");
    }
    Files.writeString(
        dir.resolve("hygge.yml"),
        """
        name: shop
        flows:
          sales:
            home: {type: csv, path: landing}
            store: {type: parquet, path: lake}
            run_type: incremental
            entities: [orders, refunds]
        """);
  }

  private EventFunction function(boolean withQueue, Duration margin) {
    FanOutSettings fanOut =
        withQueue
            ? FanOutSettings.from(
                new SmallRyeConfigBuilder()
                    .withSources(
                        new PropertiesConfigSource(
                            Map.of(
                                FanOutSettings.QUEUE,
                                queueName,
                                "AzureWebJobsStorage",
                                azurite.connectionString()),
                            "test",
                            0))
                    .build())
            : FanOutSettings.none();
    return new EventFunction(
        ProjectSources.open(ProjectSourceSettings.of(dir.toString())), fanOut, margin);
  }

  /** The queue's messages as the Functions host would hand them over (base64 text), removed. */
  private List<String> takeMessages() {
    List<String> bodies = new ArrayList<>();
    for (QueueMessageItem item : queue.receiveMessages(32)) {
      bodies.add(item.getBody().toString());
      queue.deleteMessage(item.getMessageId(), item.getPopReceipt());
    }
    return bodies;
  }

  private static ManualRun decoded(String base64) throws Exception {
    return JSON.readValue(java.util.Base64.getDecoder().decode(base64), ManualRun.class);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aWholeFlowScheduleFansOutAndEachMessageRunsItsEntity() throws Exception {
    EventFunction function = function(true, Duration.ZERO);

    EventOutcome scheduled =
        function.handle(bytes("{\"flow\": \"sales\"}"), Cloud.AZURE, Duration.ofMinutes(10));

    assertThat(scheduled.results())
        .extracting(DeliveryResult::status)
        .containsExactly(DeliveryStatus.FANNED_OUT);
    assertThat(scheduled.results().get(0).reason().orElseThrow())
        .startsWith("2 run message(s) for sales.orders, sales.refunds sent to Azure queue");
    List<String> messages = takeMessages();
    assertThat(messages.stream().map(m -> uncheckedDecode(m)).toList())
        .containsExactlyInAnyOrder(
            new ManualRun("sales", "orders"), new ManualRun("sales", "refunds"));

    long rows = 0;
    for (String message : messages) {
      EventOutcome run = function.handle(bytes(message), Cloud.AZURE, Duration.ofMinutes(10));
      assertThat(run.results())
          .extracting(DeliveryResult::status)
          .containsExactly(DeliveryStatus.SUCCEEDED);
      rows += run.results().get(0).report().orElseThrow().totalRows();
    }
    assertThat(rows).isEqualTo(4);
    assertThat(takeMessages()).as("no continuation when every entity finished").isEmpty();
  }

  @Test
  void anEntityStoppedAtTheTimeBudgetIsContinuedThroughTheQueue() throws Exception {
    EventOutcome stopped =
        function(true, Duration.ZERO)
            .handle(
                bytes("{\"flow\": \"sales\", \"entity\": \"orders\"}"), Cloud.AZURE, Duration.ZERO);

    assertThat(stopped.results())
        .extracting(DeliveryResult::status)
        .containsExactly(DeliveryStatus.INCOMPLETE);
    List<String> continuation = takeMessages();
    assertThat(continuation).hasSize(1);
    assertThat(decoded(continuation.get(0))).isEqualTo(new ManualRun("sales", "orders"));

    EventOutcome continued =
        function(true, Duration.ZERO)
            .handle(bytes(continuation.get(0)), Cloud.AZURE, Duration.ofMinutes(10));
    assertThat(continued.results().get(0).report().orElseThrow().totalRows()).isEqualTo(2);
  }

  @Test
  void withoutAFanOutQueueAWholeFlowScheduleRunsEveryEntityHere() {
    EventOutcome outcome =
        function(false, Duration.ofSeconds(30))
            .handle(bytes("{\"flow\": \"sales\"}"), Cloud.AZURE, Duration.ofMinutes(10));

    assertThat(outcome.results())
        .extracting(DeliveryResult::status)
        .containsExactly(DeliveryStatus.SUCCEEDED);
    assertThat(outcome.results().get(0).report().orElseThrow().totalRows()).isEqualTo(4);
  }

  private static ManualRun uncheckedDecode(String base64) {
    try {
      return decoded(base64);
    } catch (Exception e) {
      throw new AssertionError("not a run message: " + base64, e);
    }
  }
}
