package dev.hygge.functions.aws;

import static dev.hygge.functions.aws.LambdaEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Fan-out through a real local queue (ElasticMQ in the test JVM): a Scheduler run of a whole flow
 * sends one run message per entity to the queue and runs nothing itself; those messages, fed back
 * as the SQS batch Lambda would deliver, run each entity.
 */
@QuarkusTest
@TestProfile(SalesProject.Profile.class)
class FanOutTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RECEIVE_MAX = 10;
  private static final List<String> ENTITIES = List.of("customers", "orders");

  @AfterAll
  static void deleteProject() throws IOException {
    SalesProject.PROJECT.delete();
  }

  @Test
  void scheduleOfAWholeFlowSendsOneMessagePerEntityAndTheirBatchRunsEach() throws Exception {
    Path project = twoEntityProject();

    JsonPath scheduled =
        invoke(LandingProject.recorded("aws/scheduler-run-flow.json"))
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Message> messages = receiveAll();

    assertThat(scheduled.getBoolean("succeeded")).isTrue();
    assertThat(scheduled.getString("deliveries[0].status")).isEqualTo("FANNED_OUT");
    assertThat(scheduled.getString("deliveries[0].reason"))
        .startsWith("2 run message(s) for ")
        .endsWith(" sent to SQS queue " + queueUrl());
    assertThat(messages)
        .extracting(m -> JSON.readTree(m.body()).get("entity").asText())
        .containsExactlyInAnyOrderElementsOf(ENTITIES);
    assertThat(messages)
        .allSatisfy(
            m -> assertThat(JSON.readTree(m.body()).get("flow").asText()).isEqualTo("sales"));
    assertThat(parquetFiles(project, "orders")).as("the schedule itself runs nothing").isZero();

    JsonPath batch = invoke(sqsBatch(messages)).statusCode(200).extract().jsonPath();

    assertThat(batch.getList("batchItemFailures")).isEmpty();
    for (String entity : ENTITIES) {
      assertThat(parquetFiles(project, entity)).as(entity).isEqualTo(1);
    }
    assertThat(receiveAll()).as("running an entity sends nothing more").isEmpty();
  }

  private static Path twoEntityProject() throws IOException {
    Path dir = SalesProject.PROJECT.create();
    Files.writeString(
        dir.resolve("hygge.yml"),
        """
        name: fn
        flows:
          sales:
            home: {type: csv, path: landing}
            store: {type: parquet, path: lake}
            entities: [orders, customers]
        """);
    Files.createDirectories(dir.resolve("landing/customers"));
    Files.writeString(dir.resolve("landing/customers/customers.csv"), "id,name\n1,Ada\n2,Linus\n");
    return dir;
  }

  private static long parquetFiles(Path project, String entity) throws IOException {
    Path dir = project.resolve("lake").resolve(entity);
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".parquet")).count();
    }
  }

  /** Every message now on the queue, received (and so hidden) as Lambda's poller would. */
  private static String queueUrl() {
    return ConfigProvider.getConfig().getValue("hygge.fanout.queue-url", String.class);
  }

  private static List<Message> receiveAll() {
    String url = queueUrl();
    URI endpoint = URI.create(url).resolve("/");
    List<Message> all = new ArrayList<>();
    try (SqsClient sqs = ElasticMqResource.client(endpoint)) {
      List<Message> received;
      do {
        received =
            sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(RECEIVE_MAX)).messages();
        all.addAll(received);
      } while (!received.isEmpty());
    }
    return all;
  }

  /** The SQS event Lambda delivers for these messages. */
  private static String sqsBatch(List<Message> messages) throws IOException {
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (Message message : messages) {
      ObjectNode record = records.addObject();
      record.put("messageId", message.messageId());
      record.put("receiptHandle", message.receiptHandle());
      record.put("body", message.body());
      record.putObject("attributes").put("ApproximateReceiveCount", "1");
      record.putObject("messageAttributes");
      record.put("md5OfBody", message.md5OfBody());
      record.put("eventSource", "aws:sqs");
      record.put("eventSourceARN", "arn:aws:sqs:us-east-1:000000000000:" + ElasticMqResource.QUEUE);
      record.put("awsRegion", "us-east-1");
    }
    return JSON.writeValueAsString(event);
  }
}
