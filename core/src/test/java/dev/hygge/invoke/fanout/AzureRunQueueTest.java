package dev.hygge.invoke.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueClientBuilder;
import com.azure.storage.queue.QueueMessageEncoding;
import com.azure.storage.queue.models.QueueMessageItem;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.Project;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.ManualRun;
import dev.hygge.testing.Azurite;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fan-out to Azure Queue Storage, served by Azurite's queue endpoint, configured as a function is:
 * {@code HYGGE_FANOUT_QUEUE} and the {@code AzureWebJobsStorage} connection string.
 */
class AzureRunQueueTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RECEIVE_MAX = 32;

  private static Azurite azurite;

  @TempDir Path dir;

  @BeforeAll
  static void startAzurite() {
    azurite = Azurite.start();
  }

  @AfterAll
  static void stopAzurite() {
    azurite.close();
  }

  /** A client that sees message bodies as they are on the wire (no decoding). */
  private static QueueClient rawClient(String queue) {
    return new QueueClientBuilder()
        .connectionString(azurite.connectionString())
        .queueName(queue)
        .messageEncoding(QueueMessageEncoding.NONE)
        .buildClient();
  }

  private static FanOutSettings settings(Map<String, String> properties) {
    return FanOutSettings.from(
        new SmallRyeConfigBuilder()
            .withSources(new PropertiesConfigSource(properties, "test", 0))
            .build());
  }

  private static List<String> wireBodies(String queue) {
    QueueClient client = rawClient(queue);
    List<String> bodies = new ArrayList<>();
    while (true) {
      List<QueueMessageItem> items = new ArrayList<>();
      client.receiveMessages(RECEIVE_MAX).forEach(items::add);
      if (items.isEmpty()) {
        return bodies;
      }
      for (QueueMessageItem item : items) {
        bodies.add(item.getBody().toString());
        client.deleteMessage(item.getMessageId(), item.getPopReceipt());
      }
    }
  }

  private static Invocation.Scheduled wholeFlow(String flow) {
    return new Invocation.Scheduled(flow, Optional.empty(), Invocation.RunOptions.defaults());
  }

  @Test
  void fansOutBase64MessagesAsTheFunctionsHostReadsThem() throws IOException {
    rawClient("hygge-runs").create();
    List<String> entities = FanOutProject.entities(3);
    Project project = FanOutProject.load(dir, entities);
    FanOutSettings settings =
        settings(
            Map.of(
                FanOutSettings.QUEUE,
                "hygge-runs",
                "AzureWebJobsStorage",
                azurite.connectionString()));

    FanOutReport report;
    try (RunQueue queue = RunQueues.open(settings).orElseThrow()) {
      report = new FanOut(project, queue).fanOut(wholeFlow("sales"));
    }

    assertThat(report.queue()).isEqualTo("Azure queue hygge-runs of account " + Azurite.ACCOUNT);
    assertThat(report.entities()).containsExactly("sales.e01", "sales.e02", "sales.e03");
    List<ManualRun> runs = new ArrayList<>();
    for (String body : wireBodies("hygge-runs")) {
      String json = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
      runs.add(JSON.readValue(json, ManualRun.class));
    }
    assertThat(runs)
        .containsExactlyInAnyOrder(
            new ManualRun("sales", "e01"),
            new ManualRun("sales", "e02"),
            new ManualRun("sales", "e03"));
  }

  @Test
  void theConnectionSettingCanBeNamed() throws IOException {
    rawClient("named-connection").create();
    Project project = FanOutProject.load(dir, List.of("orders"));
    FanOutSettings settings =
        settings(
            Map.of(
                FanOutSettings.QUEUE,
                "named-connection",
                FanOutSettings.CONNECTION,
                "RunsStorage",
                "RunsStorage",
                azurite.connectionString()));

    try (RunQueue queue = RunQueues.open(settings).orElseThrow()) {
      new FanOut(project, queue).fanOut(wholeFlow("sales"));
    }

    assertThat(wireBodies("named-connection"))
        .containsExactly(
            Base64.getEncoder()
                .encodeToString(
                    "{\"flow\":\"sales\",\"entity\":\"orders\"}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aMissingQueueIsAConfigErrorNamingIt() throws IOException {
    Project project = FanOutProject.load(dir, List.of("orders"));
    FanOutSettings settings =
        settings(
            Map.of(
                FanOutSettings.QUEUE,
                "no-such-queue",
                "AzureWebJobsStorage",
                azurite.connectionString()));

    try (RunQueue queue = RunQueues.open(settings).orElseThrow()) {
      FanOut fanOut = new FanOut(project, queue);
      assertThatThrownBy(() -> fanOut.fanOut(wholeFlow("sales")))
          .isInstanceOf(HyggeException.class)
          .hasMessage(
              "The fan-out queue no-such-queue does not exist in account "
                  + Azurite.ACCOUNT
                  + ": check HYGGE_FANOUT_QUEUE, or create the queue.")
          .extracting(e -> ((HyggeException) e).kind())
          .isEqualTo(ErrorKind.CONFIG);
    }
  }
}
