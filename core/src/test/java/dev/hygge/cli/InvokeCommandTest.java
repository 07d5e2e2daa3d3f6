package dev.hygge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hygge.storage.Location;
import dev.hygge.storage.OutputObject;
import dev.hygge.storage.s3.S3ObjectStore;
import dev.hygge.storage.s3.S3Options;
import dev.hygge.testing.RecordedEvents;
import dev.hygge.testing.S3Emulator;
import dev.hygge.testing.SalesProject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code hygge invoke --event} replays the recorded cloud payloads end to end: run messages on the
 * local sales project, and the recorded S3 notification on an S3 emulator (s3proxy in this JVM).
 */
class InvokeCommandTest {
  private static final SalesProject SALES = new SalesProject("invoke-command");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static S3Emulator s3;

  @TempDir Path events;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void startS3() throws Exception {
    s3 = S3Emulator.start();
    s3.createBucket("hygge-landing");
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (s3 != null) {
      s3.close();
    }
  }

  @AfterEach
  void deleteProject() throws Exception {
    SALES.delete();
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static long lakeFiles(Path project, String entity) throws Exception {
    Path dir = project.resolve("lake").resolve(entity);
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    }
  }

  @Test
  void runMessageRunsTheEntityAndPrintsTheSummary() throws Exception {
    Path project = SALES.create();

    int code =
        run(
            "invoke",
            "--event",
            RecordedEvents.file("aws/direct-run-entity.json").toString(),
            "--cloud",
            "aws",
            "--project",
            project.toString());

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains("hygge: replaying run message from ")
        .contains("delivery request: run of flow sales, entity orders -> PASS")
        .contains("sales.orders  PASS")
        .contains("Deliveries: PASS=1 PART=0 IGNORED=0 ERROR=0 (retryable 0) TOTAL=1");
    assertThat(lakeFiles(project, "orders")).isEqualTo(1);
  }

  @Test
  void badMessagesOfABatchFailAloneAndJsonSaysWhichToRetry() throws Exception {
    Path project = SALES.create();
    Path batch = events.resolve("batch.json");
    String unknownEntity =
        new String(RecordedEvents.bytes("aws/sqs-batch-one-bad.json"), StandardCharsets.UTF_8)
            .replace(
                "{\\\"flow\\\": \\\"sales\\\", \\\"entity\\\": \\\"orders\\\"}",
                "{\\\"flow\\\": \\\"sales\\\", \\\"entity\\\": \\\"ordres\\\"}");
    Files.writeString(batch, unknownEntity);

    int code =
        run("invoke", "--event", batch.toString(), "--json", "--project", project.toString());

    assertThat(code).isEqualTo(ExitCodes.ENTITY_FAILED);
    JsonNode outcome = JSON.readTree(out.toString());
    assertThat(outcome.get("shape").asText()).isEqualTo("SQS message batch");
    assertThat(outcome.get("succeeded").asBoolean()).isFalse();
    assertThat(JSON.convertValue(outcome.get("failedIds"), List.class))
        .containsExactly(
            "0b9a2f47-7f4c-4b6f-9d3e-1c2b3a4d5e6f",
            "1c8b3e58-8a5d-4c7a-8e4f-2d3c4b5e6f70",
            "2d7c4f69-9b6e-4d8b-9f5a-3e4d5c6f7a81");
    assertThat(outcome.get("retryableIds")).isEmpty();
    JsonNode unknown = outcome.get("deliveries").get(0);
    assertThat(unknown.get("status").asText()).isEqualTo("FAILED");
    assertThat(unknown.get("disposition").asText()).isEqualTo("POISON");
    assertThat(unknown.get("errorKind").asText()).isEqualTo("CONFIG");
    assertThat(unknown.get("error").asText())
        .startsWith("No entity named 'ordres' in flow sales. Did you mean 'orders'?");
    assertThat(outcome.get("deliveries").get(2).get("error").asText())
        .isEqualTo(
            "Records[2].body.Records[0].s3.object.key is missing in the S3 event notification.");
    assertThat(outcome.get("deliveries").get(3).get("status").asText()).isEqualTo("IGNORED");

    out.getBuffer().setLength(0);
    int good =
        run(
            "invoke",
            "--event",
            RecordedEvents.file("aws/sqs-batch-one-bad.json").toString(),
            "--project",
            project.toString());

    assertThat(good).isEqualTo(ExitCodes.ENTITY_FAILED);
    assertThat(out.toString())
        .contains(
            "delivery 0b9a2f47-7f4c-4b6f-9d3e-1c2b3a4d5e6f: run of flow sales, entity orders -> PASS")
        .contains(
            "delivery 1c8b3e58-8a5d-4c7a-8e4f-2d3c4b5e6f70: SQS message 1c8b3e58-8a5d-4c7a-8e4f-2d3c4b5e6f70 -> ERROR (poison)")
        .contains(
            "-> IGNORED (s3:TestEvent only checks that notifications reach the function: nothing to load)")
        .contains("Deliveries: PASS=1 PART=0 IGNORED=1 ERROR=2 (retryable 0) TOTAL=4")
        .contains(
            "ERROR in delivery 2d7c4f69-9b6e-4d8b-9f5a-3e4d5c6f7a81 (CONFIG, poison: a retry fails the same way):");
    assertThat(lakeFiles(project, "orders")).as("the good message still ran").isEqualTo(1);
  }

  @Test
  void recordedS3NotificationLoadsTheObjectOnceHoweverOftenItIsReplayed() throws Exception {
    Path project = SALES.create();
    Files.writeString(
        project.resolve("hygge.yml"),
        """
        name: fn
        credentials:
          landing:
            type: s3
            method: access_key
            access_key_id: %s
            secret_access_key: %s
        flows:
          sales:
            home:
              type: csv
              path: s3://hygge-landing/sales
              credential: landing
              endpoint: %s
            store: {type: parquet, path: lake}
            run_type: incremental
            entities: [orders]
        """
            .formatted(S3Emulator.ACCESS_KEY, S3Emulator.SECRET_KEY, s3.endpoint()));
    try (S3ObjectStore store =
            new S3ObjectStore(() -> s3.client(S3Options.defaults()), S3Options.defaults());
        OutputObject object =
            store.create(
                new Location(
                    Location.S3, "hygge-landing", "sales/orders/2026-01-31 orders(1).csv"))) {
      object.write(SalesProject.ORDERS_CSV.getBytes(StandardCharsets.UTF_8));
      object.commit();
    }
    String event = RecordedEvents.file("aws/s3-object-created.json").toString();

    int first = run("invoke", "--event", event, "--project", project.toString());
    String firstOut = out.toString();
    out.getBuffer().setLength(0);
    int again = run("invoke", "--event", event, "--project", project.toString());

    assertThat(first).as(firstOut + err).isEqualTo(ExitCodes.OK);
    assertThat(firstOut)
        .contains(
            "delivery Records[0]: s3://hygge-landing/sales/orders/2026-01-31 orders(1).csv -> PASS")
        .contains("Moved " + SalesProject.ORDER_ROWS + " rows");
    assertThat(again).as(out.toString() + err).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("Moved 0 rows");
    assertThat(lakeFiles(project, "orders")).isEqualTo(1);
  }

  @Test
  void anEventNoShapeFitsIsAConfigError() throws Exception {
    Path project = SALES.create();
    Path event = Files.writeString(events.resolve("odd.json"), "{\"hello\": 1}");

    int code =
        run(
            "invoke",
            "--event",
            event.toString(),
            "--cloud",
            "azure",
            "--project",
            project.toString());

    assertThat(code).isEqualTo(ExitCodes.CONFIG_ERROR);
    assertThat(err.toString())
        .startsWith(
            "hygge: The event payload matches none of the event shapes tried. Tried azure: Event"
                + " Grid event");
  }
}
