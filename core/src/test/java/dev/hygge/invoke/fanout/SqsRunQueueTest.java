package dev.hygge.invoke.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.Project;
import dev.hygge.invoke.Invocation;
import dev.hygge.invoke.ManualRun;
import dev.hygge.invoke.fanout.sqs.SqsTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** Fan-out to SQS, served by ElasticMQ in this JVM on a free loopback port. */
class SqsRunQueueTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SendRetry QUICK = new SendRetry(2, Duration.ZERO, Duration.ZERO);
  private static final int RECEIVE_MAX = 10;

  private static SQSRestServer server;
  private static URI endpoint;

  @TempDir Path dir;

  @BeforeAll
  static void startElasticMq() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = socket.getLocalPort();
    }
    server =
        SQSRestServerBuilder.withInterface("127.0.0.1")
            .withPort(port)
            .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
            .start();
    server.waitUntilStarted();
    endpoint = URI.create("http://127.0.0.1:" + port);
  }

  @AfterAll
  static void stopElasticMq() {
    server.stopAndWait();
  }

  private static SqsClient client() {
    return SqsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
        .build();
  }

  /**
   * A client whose first {@code SendMessageBatch} withholds the entries with these ids from
   * ElasticMQ and answers them as throttled (ElasticMQ never throttles), the way SQS reports a
   * partial batch failure: {@code SenderFault=false}, code {@code ThrottlingException}.
   */
  private static SqsClient throttlingOnce(Set<String> ids) {
    AtomicBoolean first = new AtomicBoolean(true);
    List<BatchResultErrorEntry> withheld = new ArrayList<>();
    ExecutionInterceptor throttle =
        new ExecutionInterceptor() {
          @Override
          public SdkRequest modifyRequest(
              Context.ModifyRequest context, ExecutionAttributes attributes) {
            if (!(context.request() instanceof SendMessageBatchRequest batch)
                || !first.getAndSet(false)) {
              return context.request();
            }
            for (SendMessageBatchRequestEntry entry : batch.entries()) {
              if (ids.contains(entry.id())) {
                withheld.add(
                    BatchResultErrorEntry.builder()
                        .id(entry.id())
                        .senderFault(false)
                        .code("ThrottlingException")
                        .message("Rate exceeded")
                        .build());
              }
            }
            return batch.toBuilder()
                .entries(batch.entries().stream().filter(e -> !ids.contains(e.id())).toList())
                .build();
          }

          @Override
          public SdkResponse modifyResponse(
              Context.ModifyResponse context, ExecutionAttributes attributes) {
            if (!(context.response() instanceof SendMessageBatchResponse response)
                || withheld.isEmpty()) {
              return context.response();
            }
            List<BatchResultErrorEntry> failed = new ArrayList<>(response.failed());
            failed.addAll(withheld);
            withheld.clear();
            return response.toBuilder().failed(failed).build();
          }
        };
    return SqsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
        .overrideConfiguration(o -> o.addExecutionInterceptor(throttle))
        .build();
  }

  private static String createQueue(String name) {
    try (SqsClient client = client()) {
      return client.createQueue(r -> r.queueName(name)).queueUrl();
    }
  }

  /** Every message on the queue, parsed back the way a function reads a run message. */
  private static List<ManualRun> drain(String queueUrl) throws IOException {
    List<ManualRun> runs = new ArrayList<>();
    try (SqsClient client = client()) {
      while (true) {
        List<Message> messages =
            client
                .receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(RECEIVE_MAX))
                .messages();
        if (messages.isEmpty()) {
          return runs;
        }
        for (Message message : messages) {
          runs.add(JSON.readValue(message.body(), ManualRun.class));
          client.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        }
      }
    }
  }

  @Test
  void fansOutOneMessagePerEntityInBatchesOfTen() throws IOException {
    String queueUrl = createQueue("hygge-events");
    List<String> entities = FanOutProject.entities(23);
    Project project = FanOutProject.load(dir, entities);

    FanOutReport report;
    try (RunQueue queue = new BatchedRunQueue(new SqsTransport(client(), queueUrl), QUICK)) {
      report =
          new FanOut(project, queue)
              .fanOut(
                  new Invocation.Scheduled(
                      "sales", Optional.empty(), Invocation.RunOptions.defaults()));
    }

    assertThat(report.flow()).isEqualTo("sales");
    assertThat(report.queue()).isEqualTo("SQS queue " + queueUrl);
    assertThat(report.entities())
        .containsExactlyInAnyOrderElementsOf(entities.stream().map(e -> "sales." + e).toList());
    assertThat(report.sent())
        .extracting(SentRun::messageId)
        .doesNotContainNull()
        .doesNotHaveDuplicates();
    assertThat(drain(queueUrl))
        .containsExactlyInAnyOrderElementsOf(
            entities.stream().map(e -> new ManualRun("sales", e)).toList());
  }

  @Test
  void resendsOnlyTheEntriesOfABatchThatWereThrottled() throws IOException {
    String queueUrl = createQueue("throttled");
    List<String> entities = FanOutProject.entities(12);
    Project project = FanOutProject.load(dir, entities);

    FanOutReport report;
    try (RunQueue queue =
        new BatchedRunQueue(new SqsTransport(throttlingOnce(Set.of("1", "4")), queueUrl), QUICK)) {
      report =
          new FanOut(project, queue)
              .fanOut(
                  new Invocation.Scheduled(
                      "sales", Optional.empty(), Invocation.RunOptions.defaults()));
    }

    assertThat(report.sent()).hasSize(12);
    assertThat(report.entities().subList(10, 12)).containsExactly("sales.e02", "sales.e05");
    assertThat(drain(queueUrl))
        .as("each entity exactly once: the accepted entries were not sent again")
        .hasSize(12)
        .containsExactlyInAnyOrderElementsOf(
            entities.stream().map(e -> new ManualRun("sales", e)).toList());
  }

  @Test
  void theConfiguredQueueUrlIsEnoughToReachAnEmulator() throws IOException {
    String queueUrl = createQueue("configured");
    Project project = FanOutProject.load(dir, List.of("orders", "customers"));
    FanOutSettings settings =
        FanOutSettings.from(
            new io.smallrye.config.SmallRyeConfigBuilder()
                .withSources(
                    new io.smallrye.config.PropertiesConfigSource(
                        Map.of(FanOutSettings.QUEUE_URL, queueUrl), "test", 0))
                .build());
    // The AWS default chain reads keys from system properties; ElasticMQ takes any.
    System.setProperty("aws.accessKeyId", "x");
    System.setProperty("aws.secretAccessKey", "x");
    try (RunQueue queue = RunQueues.open(settings).orElseThrow()) {
      new FanOut(project, queue)
          .fanOut(
              new Invocation.Scheduled(
                  "sales", Optional.empty(), Invocation.RunOptions.defaults()));
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }

    assertThat(drain(queueUrl))
        .containsExactlyInAnyOrder(
            new ManualRun("sales", "orders"), new ManualRun("sales", "customers"));
  }

  @Test
  void aMissingQueueIsAConfigErrorNamingIt() throws IOException {
    String missing = endpoint + "/000000000000/no-such-queue";
    Project project = FanOutProject.load(dir, List.of("orders"));
    try (RunQueue queue = new BatchedRunQueue(new SqsTransport(client(), missing), QUICK)) {
      FanOut fanOut = new FanOut(project, queue);
      assertThatThrownBy(
              () ->
                  fanOut.fanOut(
                      new Invocation.Scheduled(
                          "sales", Optional.empty(), Invocation.RunOptions.defaults())))
          .isInstanceOf(HyggeException.class)
          .hasMessage(
              "The fan-out queue "
                  + missing
                  + " does not exist: check HYGGE_FANOUT_QUEUE_URL (the queue's URL as the SQS"
                  + " console shows it) and the region.")
          .extracting(e -> ((HyggeException) e).kind())
          .isEqualTo(ErrorKind.CONFIG);
    }
  }

  @Test
  void anUnknownFlowSendsNothing() throws IOException {
    String queueUrl = createQueue("unknown-flow");
    Project project = FanOutProject.load(dir, List.of("orders"));
    try (RunQueue queue = new BatchedRunQueue(new SqsTransport(client(), queueUrl), QUICK)) {
      FanOut fanOut = new FanOut(project, queue);
      assertThatThrownBy(
              () ->
                  fanOut.fanOut(
                      new Invocation.Scheduled(
                          "sale", Optional.empty(), Invocation.RunOptions.defaults())))
          .isInstanceOf(HyggeException.class)
          .hasMessageStartingWith("No flow named 'sale' in project fanout.");
    }
    assertThat(drain(queueUrl)).isEmpty();
  }
}
