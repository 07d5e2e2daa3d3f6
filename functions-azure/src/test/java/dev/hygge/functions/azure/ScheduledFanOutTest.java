package dev.hygge.functions.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueClientBuilder;
import com.azure.storage.queue.QueueMessageEncoding;
import com.azure.storage.queue.models.QueueMessageItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The schedule with a fan-out queue, on Azurite's Queue endpoint as the app's storage: {@code
 * Scheduled} puts one run message per entity of the flow on {@code hygge-runs} (base64, as the
 * host's queue trigger reads them), and feeding each message to {@code FanOut}, as the host would,
 * runs that entity; a run stopped at the time budget sends its continuation there. No Functions
 * host runs here: the test moves the messages.
 */
@QuarkusTest
@TestProfile(AzuriteFanOut.Profile.class)
class ScheduledFanOutTest {
  private static final int RECEIVE_MAX = 32;

  @Inject ScheduledFunction scheduled;
  @Inject FanOutFunction fanOut;
  @Inject ObjectMapper mapper;
  @Inject Config config;

  @ConfigProperty(name = AzuriteFanOut.CONNECTION)
  String connection;

  private Path project;
  private QueueClient queue;

  @BeforeEach
  void createProjectAndQueue() throws Exception {
    project = SalesProject.PROJECT.create();
    Files.writeString(
        project.resolve("hygge.yml"),
        """
        name: fn
        flows:
          sales:
            home: {type: csv, path: landing}
            store: {type: parquet, path: lake}
            entities: [orders, customers]
        """);
    Files.createDirectories(project.resolve("landing/customers"));
    Files.writeString(
        project.resolve("landing/customers/customers.csv"), "id,name\n10,Ada\n11,Grace\n");
    queue =
        new QueueClientBuilder()
            .connectionString(connection)
            .queueName(FanOutFunction.QUEUE)
            .messageEncoding(QueueMessageEncoding.BASE64)
            .httpClient(new JdkHttpClientBuilder().build())
            .buildClient();
    queue.createIfNotExists();
    queue.clearMessages();
  }

  @AfterAll
  static void deleteProject() throws Exception {
    SalesProject.PROJECT.delete();
  }

  private List<String> receiveAll() {
    List<String> texts = new ArrayList<>();
    for (QueueMessageItem item : queue.receiveMessages(RECEIVE_MAX)) {
      texts.add(item.getBody().toString());
      queue.deleteMessage(item.getMessageId(), item.getPopReceipt());
    }
    return texts;
  }

  @Test
  void theScheduleSendsOneMessagePerEntityAndEachRunsItsEntity() throws Exception {
    scheduled.run("{\"IsPastDue\": false}");

    assertThat(project.resolve("lake")).as("nothing runs in the schedule itself").doesNotExist();

    List<String> messages = receiveAll();
    List<String> entities = new ArrayList<>();
    for (String message : messages) {
      JsonNode run = mapper.readTree(message);
      assertThat(run.get("flow").asText()).isEqualTo("sales");
      entities.add(run.get("entity").asText());
    }
    assertThat(entities).containsExactlyInAnyOrder("orders", "customers");

    for (String message : messages) {
      fanOut.run(message);
    }

    assertThat(AzureLanding.lake(project, "orders", "SELECT count(*)"))
        .isEqualTo(Integer.toString(SalesProject.ORDER_ROWS));
    assertThat(AzureLanding.lake(project, "customers", "SELECT string_agg(name, ',' ORDER BY id)"))
        .isEqualTo("Ada,Grace");
    assertThat(receiveAll()).as("no continuation: both ran whole").isEmpty();
  }

  @Test
  void aRunStoppedAtTheTimeBudgetSendsItsContinuationWhichRunsTheEntity() throws Exception {
    AzureEventHandler spent =
        new AzureEventHandler(config, Optional.of("00:00:01"), Optional.empty());

    spent.handle(
        FanOutFunction.NAME,
        "{\"flow\": \"sales\", \"entity\": \"orders\"}".getBytes(StandardCharsets.UTF_8),
        Instant.now());

    assertThat(project.resolve("lake/orders")).doesNotExist();
    List<String> continuations = receiveAll();
    assertThat(continuations).hasSize(1);
    JsonNode run = mapper.readTree(continuations.get(0));
    assertThat(run.get("flow").asText()).isEqualTo("sales");
    assertThat(run.get("entity").asText()).isEqualTo("orders");

    fanOut.run(continuations.get(0));

    assertThat(AzureLanding.lake(project, "orders", "SELECT count(*)"))
        .isEqualTo(Integer.toString(SalesProject.ORDER_ROWS));
    assertThat(receiveAll()).isEmpty();
  }
}
